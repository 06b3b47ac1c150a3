// The retention settings through the API (issue 18): read back with their defaults (400 days of actions, 30 of
// delivered notifications), saved when whole days within 1..3650, refused with a 400 naming the field otherwise;
// a save without them keeps the saved values. The core's own sweep then uses them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAgentOptions } from '../../../main/core/config/agent-options.js';
import { createSettingsPort } from '../../../main/headless/settings-port.js';
import { callbackBody, startHarness, type Harness } from '../../helpers/api-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({
    api: (core) => {
      const parsed = parseAgentOptions([], { DEPOT_REMOTE_DATA_DIR: '/tmp/unused' });
      if (parsed.help) throw new Error('unexpected');
      return { settings: createSettingsPort(core, parsed.options, { argv: [], env: {}, startStored: null }) };
    },
  });
});
afterEach(() => h.close());

const BASE = {
  connector: 'simulator',
  stellantis: { baseUrl: '', fleetId: '', clientId: '', user: '', certFile: '', keyFile: '', caFile: '' },
  publicReceiverUrl: null,
  receiver: { port: 5781, bind: '127.0.0.1', tls: null },
  notifications: { desktop: true },
};
const put = (body: object) =>
  h.call({ method: 'PUT', url: '/api/v1/settings', payload: body, headers: { 'x-operator': 'test' } });
const get = async () => (await h.call({ method: 'GET', url: '/api/v1/settings' })).json();

describe('the retention settings', () => {
  it('default to 400 days of actions, 30 days of delivered notifications and audit entries forever', async () => {
    expect((await get()).retention).toEqual({
      actionsDays: 400,
      deliveredNotificationsDays: 30,
      auditDays: null,
    });
  });

  it('are saved, and kept by a save that does not name them', async () => {
    const saved = await put({ ...BASE, retention: { actionsDays: 90, deliveredNotificationsDays: 7 } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await get()).retention).toEqual({
      actionsDays: 90,
      deliveredNotificationsDays: 7,
      auditDays: null,
    });
    expect((await put(BASE)).statusCode).toBe(200);
    expect((await get()).retention).toEqual({
      actionsDays: 90,
      deliveredNotificationsDays: 7,
      auditDays: null,
    });
  });

  it('save audit days, keep them when a client leaves them out, and go back to forever with null', async () => {
    const withAudit = { actionsDays: 400, deliveredNotificationsDays: 30, auditDays: 730 };
    expect((await put({ ...BASE, retention: withAudit })).statusCode).toBe(200);
    expect((await get()).retention).toEqual(withAudit);
    // An older client sends the two it knows: the audit days stay.
    expect(
      (await put({ ...BASE, retention: { actionsDays: 300, deliveredNotificationsDays: 30 } })).statusCode,
    ).toBe(200);
    expect((await get()).retention).toEqual({ ...withAudit, actionsDays: 300 });
    expect((await put({ ...BASE, retention: { ...withAudit, auditDays: null } })).statusCode).toBe(200);
    expect((await get()).retention.auditDays).toBeNull();
  });

  it('refuses days that are not whole, below 1 or above 3650, or missing, naming the field', async () => {
    for (const [retention, field] of [
      [{ actionsDays: 0, deliveredNotificationsDays: 30 }, 'retention.actionsDays'],
      [{ actionsDays: 400, deliveredNotificationsDays: 3651 }, 'retention.deliveredNotificationsDays'],
      [{ actionsDays: 12.5, deliveredNotificationsDays: 30 }, 'retention.actionsDays'],
      [{ actionsDays: '400', deliveredNotificationsDays: 30 }, 'retention.actionsDays'],
      [{ actionsDays: null, deliveredNotificationsDays: 30 }, 'retention.actionsDays'],
      [{ actionsDays: 400 }, 'retention.deliveredNotificationsDays'],
      [{ actionsDays: 400, deliveredNotificationsDays: 30, auditDays: 0 }, 'retention.auditDays'],
      [{ actionsDays: 400, deliveredNotificationsDays: 30, auditDays: 'forever' }, 'retention.auditDays'],
    ] as const) {
      const res = await put({ ...BASE, retention });
      expect(res.statusCode, JSON.stringify(retention)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await get()).retention).toEqual({
      actionsDays: 400,
      deliveredNotificationsDays: 30,
      auditDays: null,
    });
  });

  it('drive the core’s sweep: a finished command past them is gone, with its history', async () => {
    const cb = await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody() });
    const sent = await h.call({
      method: 'POST',
      url: `/api/v1/vehicles/veh-e208-01/callbacks/${cb.json().id}/remotes`,
      payload: { lights: { on: true } },
    });
    expect(sent.statusCode).toBe(202);
    const url = `/api/v1/remotes/${sent.json().remoteActionId}`;
    h.clock.advance(5_000);
    expect((await h.call({ method: 'GET', url })).json().phase).toBe('Done');
    const saved = await put({ ...BASE, retention: { actionsDays: 1, deliveredNotificationsDays: 1 } });
    expect(saved.statusCode).toBe(200);
    expect((await h.core.retention.sweep()).actions).toBe(0);
    h.clock.advance(25 * 60 * 60 * 1000);
    // The first call joins a sweep the timer started during the advance (at an earlier hour); the second runs now.
    await h.core.retention.sweep();
    expect((await h.core.retention.sweep()).actions).toBe(1);
    expect((await h.call({ method: 'GET', url })).statusCode).toBe(404);
  });
});
