// A vehicle's last known status: read for every vehicle at start, and again whenever an action on it
// completes — a state refresh (WakeUp) is exactly that (stellantis-api-notes.md N12.3).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { callbackBody, type Harness, startHarness } from '../../helpers/api-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.close());

const vehicle = async () => (await h.call({ method: 'GET', url: '/api/v1/vehicles/veh-e208-01' })).json();

it('is read at start and refreshed when a state refresh completes', async () => {
  await new Promise((r) => setTimeout(r, 20)); // the start-up reads run in the background
  const atStart = await vehicle();
  expect(atStart.status).toMatchObject({ ignition: { type: 'Stop' } });
  expect(atStart.statusAt).toBe(h.clock.nowIso());

  const cb = (await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody() })).json();
  h.clock.advance(60_000);
  await h.call({
    method: 'POST',
    url: `/api/v1/vehicles/veh-e208-01/callbacks/${cb.id}/remotes`,
    payload: { wakeUp: { action: 'WakeUp' } },
  });
  h.clock.advance(5_000);
  await new Promise((r) => setTimeout(r, 20));
  const refreshed = await vehicle();
  expect(Date.parse(refreshed.statusAt)).toBeGreaterThan(Date.parse(atStart.statusAt));
  expect(refreshed.status.updatedAt).toBe(refreshed.statusAt);
});
