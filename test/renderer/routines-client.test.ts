// The renderer's HTTP client for the routines (issue 16): the report answers CSV text, returned as it came (not
// parsed as JSON), asked for with its type; a refusal of it is still the API's JSON error; a dry run is a query
// field of the same operation.
import { describe, expect, it, vi } from 'vitest';
import { ClientError } from '../../preload/contract/client.js';
import { createHttpClient } from '../../renderer/src/api/http-client.js';

const CSV = 'VIN,label,state\r\nVR3UHZKX0RT000101,Van 01,done\r\n';

function client(response: () => Response) {
  const fetchImpl = vi.fn(async () => response());
  return { fetchImpl, api: createHttpClient({ fetchImpl: fetchImpl as unknown as typeof fetch }) };
}

describe('the routines over HTTP', () => {
  it('returns the CSV report as its text, asking for text/csv', async () => {
    const { fetchImpl, api } = client(
      () => new Response(CSV, { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8' } }),
    );
    expect(await api.getBulkRemoteReport({ bulkId: 'b 1' })).toBe(CSV);
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/bulk-remotes/b%201/report.csv');
    expect((init.headers as Record<string, string>).accept).toContain('text/csv');
  });

  it('still reads a refusal of the report as the API error', async () => {
    const { api } = client(
      () =>
        new Response(
          JSON.stringify({ code: 'BULK_NOT_FOUND', message: 'No bulk command b-9.', errors: [] }),
          {
            status: 404,
            headers: { 'content-type': 'application/json' },
          },
        ),
    );
    const refusal = await api.getBulkRemoteReport({ bulkId: 'b-9' }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ClientError);
    expect((refusal as ClientError).code).toBe('BULK_NOT_FOUND');
  });

  it('asks for a preview with dryRun=true and reads the plan as JSON', async () => {
    const plan = {
      dryRun: true,
      type: 'Doors',
      callbackId: 'cb',
      counts: {},
      items: [],
      estimatedSeconds: 0,
    };
    const { fetchImpl, api } = client(
      () =>
        new Response(JSON.stringify(plan), { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    expect(
      await api.startBulkRemote({
        dryRun: true,
        body: { groupId: 'g-1', remote: { door: { state: 'Locked' } } },
      }),
    ).toEqual(plan);
    const [url] = fetchImpl.mock.calls[0] as unknown as [string];
    expect(url).toBe('/api/v1/bulk-remotes?dryRun=true');
  });
});
