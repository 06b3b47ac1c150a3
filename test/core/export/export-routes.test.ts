// GET /audit/export and /remotes/export over the real API: the rows of the period in order, filtered, in CSV and
// JSON Lines; who may; and the field errors of a bad period or format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/api-harness.js';
import { signedIn, type Browser } from '../../helpers/operator-sessions.js';
import { addActions, addAudit } from './export-fixtures.js';

const VEHICLE = 'veh-e208-01';
const VIN = 'VR3UHZKXZMT000001';
let h: Harness;
let supervisor: Browser;
let technician: Browser;
let callbackId: string;

beforeAll(async () => {
  h = await startHarness();
  supervisor = await signedIn(h, 'Sam', 'supervisor');
  technician = await signedIn(h, 'Tess', 'technician');
  callbackId = (await h.core.services.callbacks.list())[0]!.id;
  // In 2020, far from the entries the harness itself writes (2026).
  addAudit(h, [
    { at: '2020-01-01T23:59:59.999Z', operator: 'Ana', action: 'callback.create', reason: 'before' },
    {
      at: '2020-01-02T00:00:00.000Z',
      operator: 'Ana',
      action: 'remote.send',
      vin: VIN,
      reason: '=HYPERLINK("x")',
      actor: { kind: 'operator', id: 'op-ana', name: 'Ana', role: 'technician' },
      detail: { type: 'Doors', note: 'a, "quoted"\nline' },
    },
    { at: '2020-01-03T10:00:00.000Z', operator: 'Bob', action: 'remote.cancel' },
    // Appended later with an earlier time: the file keeps the log's own order.
    { at: '2020-01-02T12:00:00.000Z', operator: 'Ana', action: 'policy.change', reason: '+1' },
    { at: '2020-01-04T00:00:00.000Z', operator: 'Ana', action: 'remote.send', reason: 'at the end: out' },
  ]);
  addActions(h, [
    { id: 'ra-old', vehicleId: VEHICLE, vin: VIN, callbackId, createdAt: '2020-01-01T08:00:00.000Z' },
    { id: 'ra-b', vehicleId: VEHICLE, vin: VIN, callbackId, createdAt: '2020-01-02T09:00:00.000Z' },
    { id: 'ra-a', vehicleId: VEHICLE, vin: VIN, callbackId, createdAt: '2020-01-02T08:00:00.000Z' },
    {
      id: 'ra-other',
      vehicleId: 'veh-c5ax-02',
      vin: 'VR7ACYHZRML000002',
      callbackId,
      createdAt: '2020-01-02T10:00:00.000Z',
      reason: '@SUM(A1)',
    },
  ]);
}, 30_000);

afterAll(async () => {
  await h.close();
});

const PERIOD = 'from=2020-01-02T00:00:00Z&to=2020-01-04T00:00:00Z';
const lines = (text: string) => text.split('\r\n').filter(Boolean);

describe('GET /api/v1/audit/export', () => {
  it('answers the entries of the period as CSV, in the order they were logged, cells neutralised', async () => {
    const res = await h.call({ method: 'GET', url: `/api/v1/audit/export?${PERIOD}&format=csv` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="audit-2020-01-02T000000Z-2020-01-04T000000Z.csv"',
    );
    expect(res.body.endsWith('\r\n')).toBe(true);
    const rows = lines(res.body);
    expect(rows[0]).toBe(
      'seq,at,operator,actor kind,actor id,actor role,on behalf of,action,VIN,remote action id,callback id,reason,detail',
    );
    expect(rows).toHaveLength(4);
    expect(rows[1]).toContain(
      `,2020-01-02T00:00:00.000Z,Ana,operator,op-ana,technician,,remote.send,${VIN},,,`,
    );
    // A formula-looking reason gets an apostrophe; quotes are doubled inside a quoted cell.
    expect(rows[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(res.body).toContain('"{""type"":""Doors"",""note"":""a, \\""quoted\\""\\nline""}"');
    expect(rows[2]).toContain(',2020-01-03T10:00:00.000Z,Bob,');
    expect(rows[3]).toContain(",2020-01-02T12:00:00.000Z,Ana,,,,,policy.change,,,,'+1,");
  });

  it('answers JSON Lines, one entry an object, filtered by operator name or id', async () => {
    const res = await h.call({
      method: 'GET',
      url: `/api/v1/audit/export?${PERIOD}&format=jsonl&operator=Ana`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('.jsonl"');
    const entries = res.body
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { action: string; at: string; detail: unknown });
    expect(entries.map((e) => [e.at, e.action])).toEqual([
      ['2020-01-02T00:00:00.000Z', 'remote.send'],
      ['2020-01-02T12:00:00.000Z', 'policy.change'],
    ]);
    expect(entries[0]!.detail).toEqual({ type: 'Doors', note: 'a, "quoted"\nline' });

    const byId = await h.call({
      method: 'GET',
      url: `/api/v1/audit/export?${PERIOD}&format=jsonl&operator=op-ana`,
    });
    expect(byId.body.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('is for admins: 403 for a supervisor, 401 without a credential', async () => {
    const url = `/api/v1/audit/export?${PERIOD}`;
    const refused = await supervisor.call({ method: 'GET', url });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', params: { needed: 'admin' } });
    const anonymous = await h.app.inject({ method: 'GET', url });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a period that ends before it starts, a date that is not one and an unknown format', async () => {
    const reversed = await h.call({
      method: 'GET',
      url: '/api/v1/audit/export?from=2020-01-04T00:00:00Z&to=2020-01-02T00:00:00Z',
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'to', rule: 'export.periodOrder' }],
    });
    const same = await h.call({
      method: 'GET',
      url: '/api/v1/audit/export?from=2020-01-04T00:00:00Z&to=2020-01-04T00:00:00Z',
    });
    expect(same.statusCode).toBe(400);

    const badDate = await h.call({
      method: 'GET',
      url: '/api/v1/audit/export?from=yesterday&to=2020-01-04T00:00:00Z',
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().errors.map((e: { field: string }) => e.field)).toEqual(['query.from']);

    const badFormat = await h.call({ method: 'GET', url: `/api/v1/audit/export?${PERIOD}&format=xlsx` });
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.json().errors.map((e: { field: string }) => e.field)).toEqual(['query.format']);

    const missing = await h.call({ method: 'GET', url: '/api/v1/audit/export?from=2020-01-04T00:00:00Z' });
    expect(missing.statusCode).toBe(400);
  });
});

describe('GET /api/v1/remotes/export', () => {
  it('answers the commands created in the period, oldest first, for supervisors', async () => {
    const res = await supervisor.call({ method: 'GET', url: `/api/v1/remotes/export?${PERIOD}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="history-2020-01-02T000000Z-2020-01-04T000000Z.csv"',
    );
    const rows = lines(res.body);
    expect(rows[0]!.startsWith('remote action id,created at,VIN,vehicle id,callback id,type,phase')).toBe(
      true,
    );
    expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual(['ra-a', 'ra-b', 'ra-other']);
    expect(rows[3]).toContain(",'@SUM(A1),");
  });

  it('keeps one vehicle, by VIN or id, in JSON Lines', async () => {
    for (const vehicle of [VIN, VEHICLE]) {
      const res = await h.call({
        method: 'GET',
        url: `/api/v1/remotes/export?${PERIOD}&format=jsonl&vehicle=${vehicle}`,
      });
      expect(res.statusCode).toBe(200);
      const items = res.body
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { remoteActionId: string; vin: string; remote: unknown });
      expect(items.map((i) => i.remoteActionId)).toEqual(['ra-a', 'ra-b']);
      expect(items[0]).toMatchObject({ vin: VIN, remote: { door: { state: 'Locked' } } });
    }
    const unknown = await h.call({ method: 'GET', url: `/api/v1/remotes/export?${PERIOD}&vehicle=nope` });
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses technicians (403) and a reversed period (400)', async () => {
    const refused = await technician.call({ method: 'GET', url: `/api/v1/remotes/export?${PERIOD}` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', params: { needed: 'supervisor' } });
    const reversed = await supervisor.call({
      method: 'GET',
      url: '/api/v1/remotes/export?from=2020-01-04T00:00:00Z&to=2020-01-02T00:00:00Z',
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors).toMatchObject([{ field: 'to', rule: 'export.periodOrder' }]);
  });
});

describe('an export', () => {
  it('is itself audited when it starts: who, what, the period, the format and the filter', async () => {
    const newest = async () =>
      (await h.call({ method: 'GET', url: '/api/v1/audit?limit=1' })).json().items[0] as {
        action: string;
        operator: string;
        vin: string | null;
        detail: Record<string, unknown>;
      };
    const audit = await h.call({
      method: 'GET',
      url: `/api/v1/audit/export?${PERIOD}&format=jsonl&operator=Ana`,
    });
    expect(audit.statusCode).toBe(200);
    expect(await newest()).toMatchObject({
      action: 'audit.export',
      detail: {
        from: '2020-01-02T00:00:00.000Z',
        to: '2020-01-04T00:00:00.000Z',
        format: 'jsonl',
        operator: 'Ana',
      },
    });
    const history = await supervisor.call({
      method: 'GET',
      url: `/api/v1/remotes/export?${PERIOD}&format=csv&vehicle=${VIN}`,
    });
    expect(history.statusCode).toBe(200);
    expect(await newest()).toMatchObject({
      action: 'history.export',
      operator: 'Sam',
      vin: VIN,
      detail: { format: 'csv', vehicle: VEHICLE },
    });
    // A refused export leaves no such entry.
    await technician.call({ method: 'GET', url: `/api/v1/remotes/export?${PERIOD}` });
    expect((await newest()).action).toBe('access.denied');
  });
});
