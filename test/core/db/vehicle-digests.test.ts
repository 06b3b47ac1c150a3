// The fleet list's read (issue 15): vehicles without their raw status, each with the digest its status got when it
// was stored, and the capabilities parsed once per stored text — always what the row holds now.
import { describe, expect, it } from 'vitest';
import { createRepositories, openDatabase } from '../../../main/core/db/index.js';
import { digestStatus } from '../../../main/core/domain/vehicle/vehicle-condition.js';
import { at, useStore, vehicle } from './db-fixtures.js';

const PAGE = { limit: 10, offset: 0 };

/** A status whose ignition and doors the vehicle reported at `reportedAt`. */
const status = (reportedAt: string, doors: 'Open' | 'Closed' = 'Closed') => ({
  ignition: { createdAt: reportedAt, type: 'Stop' },
  doorsState: { createdAt: reportedAt, lockedStates: ['Locked'], opening: [{ identifier: 'Driver', state: doors }] },
}); // prettier-ignore

describe('vehicle summaries and their status digests', () => {
  const store = useStore();

  it('reads what list reads but the status, which its digest stands for', () => {
    const { repos } = store();
    repos.vehicles.upsertMany([vehicle(), vehicle({ id: 'veh-2', vin: 'VR3UHZKXZMT000002', label: null })]);
    repos.vehicles.updateStatus('veh-hash-001', status(at(0), 'Open'), at(600));

    const listed = repos.vehicles.list(PAGE);
    const summaries = repos.vehicles.summaries(PAGE);
    expect(summaries.map(({ digest: _d, ...rest }) => rest)).toEqual(
      listed.map(({ status: _s, ...rest }) => rest),
    );
    expect(summaries.map((s) => s.digest)).toEqual(listed.map((v) => digestStatus(v.status, v.statusAt)));
    expect(summaries[0]!.digest.asleep).toBe(true); // silent 10 minutes when read
    expect(summaries[0]!.digest.readings?.openDoors).toEqual(['Driver']);
    expect(summaries[1]!.digest).toEqual({
      statusAt: null,
      readings: null,
      deepSleepAfterMs: null,
      asleep: false,
    });
  });

  it('keeps the deep-sleep instant: 7 days after the last ignition or position', () => {
    const { repos } = store();
    repos.vehicles.upsertMany([vehicle()]);
    repos.vehicles.updateStatus('veh-hash-001', status(at(0)), at(1));
    expect(repos.vehicles.summaries(PAGE)[0]!.digest.deepSleepAfterMs).toBe(
      Date.parse(at(0)) + 7 * 24 * 60 * 60 * 1000,
    );
  });

  it('follows each new status, and a status rolled back with its transaction is not shown', () => {
    const { db, repos } = store();
    repos.vehicles.upsertMany([vehicle()]);
    repos.vehicles.updateStatus('veh-hash-001', status(at(0)), at(1));
    expect(repos.vehicles.summaries(PAGE)[0]!.digest.readings?.openDoors).toEqual([]);
    repos.vehicles.updateStatus('veh-hash-001', status(at(2), 'Open'), at(3));
    expect(repos.vehicles.summaries(PAGE)[0]!.digest.readings?.openDoors).toEqual(['Driver']);

    expect(() =>
      db.transaction(() => {
        repos.vehicles.updateStatus('veh-hash-001', status(at(4)), at(3)); // the same status_at, even
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    const [after] = repos.vehicles.summaries(PAGE);
    expect(after!.digest).toEqual(digestStatus(repos.vehicles.get('veh-hash-001')!.status, at(3)));
    expect(after!.digest.readings?.openDoors).toEqual(['Driver']);
  });

  it('sees a status another connection stored, and capabilities a sync changed', () => {
    const { repos, file } = store();
    repos.vehicles.upsertMany([vehicle()]);
    repos.vehicles.updateStatus('veh-hash-001', status(at(0)), at(1));
    expect(repos.vehicles.summaries(PAGE)[0]!.capabilities).toEqual(vehicle().capabilities);

    const other = openDatabase(file);
    try {
      createRepositories(other).vehicles.updateStatus('veh-hash-001', status(at(5), 'Open'), at(6));
    } finally {
      other.close();
    }
    const capabilities = { Doors: { supported: false, reason: 'network-refused' as const } };
    repos.vehicles.upsertMany([vehicle({ capabilities, syncedAt: at(7) })]);
    const [now] = repos.vehicles.summaries(PAGE);
    expect(now!.digest.statusAt).toBe(at(6));
    expect(now!.digest.readings?.openDoors).toEqual(['Driver']);
    expect(now!.capabilities).toEqual(capabilities);
  });

  it('digest() of a record read with its status is the one the list shows', () => {
    const { repos } = store();
    repos.vehicles.upsertMany([vehicle()]);
    repos.vehicles.updateStatus('veh-hash-001', status(at(0), 'Open'), at(1));
    const record = repos.vehicles.get('veh-hash-001')!;
    expect(repos.vehicles.digest(record)).toBe(repos.vehicles.summaries(PAGE)[0]!.digest);
  });
});
