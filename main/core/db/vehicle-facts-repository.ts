// What the action history says about each vehicle's condition (issue 15): the last Done that set or lifted an
// immobilization or a stolen declaration, and the wake-ups of a month. Read for the whole fleet in two statements
// (the fleet list derives every vehicle's states at once), or for one vehicle through its index.
import type { RemoteBody } from '../domain/remote/remote-body.js';
import { NO_FACTS, type StateEvidence, type VehicleFacts } from '../domain/vehicle/vehicle-condition.js';
import { fromJson } from './json-column.js';
import type { Db } from './open-database.js';

/**
 * Done with Success or AlreadyDone: the vehicle is in the requested state. Few rows among 100k (these two features
 * are rare), reached through the type index, for one vehicle too: the `+` keep the planner off the phase index (Done
 * is most of the history) and the vehicle's (its whole history).
 */
export const STATE_SETTING_DONES_SQL = (oneVehicle: boolean) => `SELECT id, vehicle_id AS vehicleId, remote,
    done_at AS doneAt
  FROM remote_actions
  WHERE type IN ('Immobilization', 'Stolen') AND +phase = 'Done' AND outcome IN ('Success', 'AlreadyDone')
    ${oneVehicle ? 'AND +vehicle_id = @vehicleId' : ''}
  ORDER BY done_at, id`;

/**
 * Per vehicle, over the actions created in [@from, @to): the wake-ups (a command that got a WakingUpVehicle step,
 * or a WakeUp remote the network accepted) and the last TooManyWakeUpsOverMonth refusal. The month's actions come
 * through the creation index (or the vehicle's); each one's events through theirs.
 */
export const WAKE_UPS_SQL = (oneVehicle: boolean) => `SELECT a.vehicle_id AS vehicleId,
    sum(CASE WHEN (a.type = 'WakeUp' AND a.upstream_id IS NOT NULL) OR EXISTS (SELECT 1 FROM action_events e
      WHERE e.remote_action_id = a.id AND e.status = 'WakingUpVehicle') THEN 1 ELSE 0 END) AS used,
    max(CASE WHEN a.failure_cause = 'TooManyWakeUpsOverMonth' OR a.status = 'TooManyWakeUpsOverMonth'
      THEN a.updated_at || ' ' || a.id END) AS refused
  FROM remote_actions a
  WHERE a.created_at >= @from AND a.created_at < @to ${oneVehicle ? 'AND a.vehicle_id = @vehicleId' : ''}
  GROUP BY a.vehicle_id`;

interface DoneRow {
  id: string;
  vehicleId: string;
  remote: string;
  doneAt: string | null;
}
interface WakeUpRow {
  vehicleId: string;
  used: number;
  /** `<updated_at> <id>` of the newest refusal: one max() gives both. */
  refused: string | null;
}

export interface VehicleFactsRepository {
  /** Facts of every vehicle that has any; a vehicle missing from the map has none (NO_FACTS). */
  all(month: { from: string; to: string }): Map<string, VehicleFacts>;
  one(vehicleId: string, month: { from: string; to: string }): VehicleFacts;
}

/** What a Done remote says: immobilized on/off, stolen on/off (a Stolen remote may carry the immobilization). */
function evidenceOf(remote: RemoteBody): { immobilization?: boolean; stolen?: boolean } {
  if ('immobilization' in remote) return { immobilization: remote.immobilization.activate };
  if ('stolen' in remote) {
    const s = remote.stolen;
    if ('immobilization' in s) return { immobilization: s.immobilization.activate };
    if ('stolen' in s) return { stolen: s.stolen };
  }
  return {};
}

export function createVehicleFactsRepository(db: Db): VehicleFactsRepository {
  const donesAll = db.raw.prepare<[], DoneRow>(STATE_SETTING_DONES_SQL(false));
  const donesOne = db.raw.prepare<{ vehicleId: string }, DoneRow>(STATE_SETTING_DONES_SQL(true));
  const wakeUpsAll = db.raw.prepare<{ from: string; to: string }, WakeUpRow>(WAKE_UPS_SQL(false));
  const wakeUpsOne = db.raw.prepare<{ from: string; to: string; vehicleId: string }, WakeUpRow>(
    WAKE_UPS_SQL(true),
  );

  function collect(dones: DoneRow[], wakeUps: WakeUpRow[]): Map<string, VehicleFacts> {
    const facts = new Map<string, VehicleFacts>();
    const of = (id: string) => {
      let f = facts.get(id);
      if (!f) facts.set(id, (f = { ...NO_FACTS }));
      return f;
    };
    // Oldest first: each later Done replaces what an earlier one said.
    for (const row of dones) {
      if (!row.doneAt) continue;
      const said = evidenceOf(fromJson<RemoteBody>(row.remote));
      const evidence = (value: boolean): StateEvidence => ({
        value,
        at: row.doneAt!,
        remoteActionId: row.id,
      });
      if (said.immobilization !== undefined) of(row.vehicleId).immobilization = evidence(said.immobilization);
      if (said.stolen !== undefined) of(row.vehicleId).stolen = evidence(said.stolen);
    }
    for (const row of wakeUps) {
      const f = of(row.vehicleId);
      f.wakeUpsUsed = row.used;
      if (row.refused) {
        const [at, id] = row.refused.split(' ') as [string, string];
        f.wakeUpsRefused = { at, remoteActionId: id };
      }
    }
    return facts;
  }

  return {
    all(month) {
      return collect(donesAll.all(), wakeUpsAll.all(month));
    },
    one(vehicleId, month) {
      return (
        collect(donesOne.all({ vehicleId }), wakeUpsOne.all({ ...month, vehicleId })).get(vehicleId) ?? {
          ...NO_FACTS,
        }
      );
    },
  };
}
