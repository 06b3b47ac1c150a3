// @vitest-environment jsdom
// The deliveries page says so while the receiver refuses notifications because its quarantine is full, and the
// notice goes once room is made.
import './helpers/dom.js';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DeliveriesView } from '../../renderer/src/features/deliveries/DeliveriesView.js';
import { QuarantineFullNotice } from '../../renderer/src/features/quarantine/QuarantineFullNotice.js';
import { failure, fakeClient } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

const MB = 1024 * 1024;
const page = (full: boolean) => ({
  items: [],
  total: 3,
  limit: 1,
  offset: 0,
  unresolved: 3,
  capacity: { bytes: 100 * MB, capBytes: 100 * MB, waitingBytes: 99.6 * MB, full },
});

describe('the quarantine-full notice', () => {
  it('is shown on the deliveries page while the receiver refuses, saying why and what to do', async () => {
    const client = fakeClient();
    client.listQuarantine.mockResolvedValue(page(true));
    renderWithStores(<DeliveriesView />, client);
    const notice = await screen.findByTestId('quarantine-full');
    expect(notice.textContent).toContain('the quarantine is full');
    expect(notice.textContent).toContain('100 MB');
    expect(notice.textContent).toMatch(/never dropped/);
    expect(notice.textContent).toMatch(/--quarantine-max-mb/);
    expect(within(notice).getByRole('link', { name: 'Quarantine page' }).getAttribute('href')).toBe(
      '#/deliveries/quarantine',
    );
    expect(client.listQuarantine).toHaveBeenCalledWith({ unresolved: true, limit: 1 });
  });

  it('goes once an entry is resolved (read again on the audit event)', async () => {
    const client = fakeClient();
    client.listQuarantine.mockResolvedValue(page(true));
    renderWithStores(<QuarantineFullNotice />, client);
    await screen.findByTestId('quarantine-full');
    client.listQuarantine.mockResolvedValue(page(false));
    client.emit({
      name: 'audit.appended',
      data: {
        entry: {
          seq: 9,
          at: '2026-01-01T10:00:00.000Z',
          operator: 'alice',
          action: 'quarantine.resolve',
          vin: null,
          remoteActionId: null,
          callbackId: 'cb-1',
          reason: null,
          detail: null,
          actor: null,
        },
      },
    });
    await waitFor(() => expect(screen.queryByTestId('quarantine-full')).toBeNull());
  });

  it('says nothing when there is room, or when the agent has no quarantine route', async () => {
    const client = fakeClient();
    client.listQuarantine.mockResolvedValue(page(false));
    renderWithStores(<QuarantineFullNotice />, client);
    await waitFor(() => expect(client.listQuarantine).toHaveBeenCalled());
    expect(screen.queryByTestId('quarantine-full')).toBeNull();

    const older = fakeClient();
    older.listQuarantine.mockRejectedValue(failure(404, 'ROUTE_NOT_FOUND', 'No route.'));
    renderWithStores(<QuarantineFullNotice />, older);
    await waitFor(() => expect(older.listQuarantine).toHaveBeenCalled());
    expect(screen.queryByTestId('quarantine-full')).toBeNull();
  });
});

describe('the HTTP client', () => {
  it('reads the quarantine page with the filter as the API spells it', async () => {
    const { createHttpClient } = await import('../../renderer/src/api/http-client.js');
    const urls: string[] = [];
    const fetchImpl = async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify(page(false)), { headers: { 'content-type': 'application/json' } });
    };
    const client = createHttpClient({ fetchImpl: fetchImpl as unknown as typeof fetch });
    expect((await client.listQuarantine({ unresolved: true, limit: 1 })).capacity.full).toBe(false);
    await client.listQuarantine();
    expect(urls).toEqual(['/api/v1/quarantine?limit=1&unresolved=true', '/api/v1/quarantine']);
  });
});
