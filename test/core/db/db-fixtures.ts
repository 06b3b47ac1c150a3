// Shared fixtures for the database tests: a fresh temp directory per test, and complete domain objects.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { RemoteAction } from '../../../main/core/domain/action.js';
import {
  createRepositories,
  deliveryStepResults,
  deliverySteps,
  openDatabase,
  runStepsInline,
} from '../../../main/core/db/index.js';
import type {
  Db,
  DeliverySettlement,
  NewAttempt,
  NewCallback,
  Repositories,
  VehicleUpsert,
  WriteStep,
} from '../../../main/core/db/index.js';

/** A canonical timestamp `seconds` after a fixed instant (the store never reads the clock). */
export const at = (seconds: number): string =>
  new Date(Date.UTC(2025, 0, 15, 8, 0, 0) + seconds * 1000).toISOString();

/** Registers a temp dir created before and removed after each test of the calling file; returns its getter. */
export function useTempDir(): () => string {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'depot-remote-db-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** Opens a migrated database in the test's temp dir, with every repository. Closed after the test. */
export function useStore(): () => { db: Db; repos: Repositories; file: string } {
  const tempDir = useTempDir();
  let store: { db: Db; repos: Repositories; file: string } | undefined;
  beforeEach(() => {
    const file = path.join(tempDir(), 'data', 'depot.sqlite');
    const db = openDatabase(file);
    store = { db, repos: createRepositories(db), file };
  });
  afterEach(() => {
    store?.db.close();
    store = undefined;
  });
  return () => {
    if (!store) throw new Error('useStore: no store outside a test');
    return store;
  };
}

export function vehicle(overrides: Partial<VehicleUpsert> = {}): VehicleUpsert {
  return {
    id: 'veh-hash-001',
    vin: 'VR3UHZKXZMT000001',
    label: 'Van 12',
    brand: 'Peugeot',
    model: 'e-Expert',
    energy: 'Electric',
    capabilities: {
      Doors: { supported: true },
      Navigation: { supported: false, reason: 'no-navigation' },
    },
    syncedAt: at(0),
    ...overrides,
  };
}

export function callback(overrides: Partial<NewCallback> = {}): NewCallback {
  return {
    id: 'cb-001',
    label: 'Depot FMS',
    subscribe: {
      label: 'Depot FMS',
      callback: {
        webhook: {
          target: 'https://fms.depot.example/hooks/stellantis',
          name: 'fms',
          attributes: [
            { type: 'Header', key: 'X-Vin', value: '$vin' },
            { type: 'Query', key: 'cb', value: '$callbackID' },
          ],
        },
      },
      retryPolicy: { policy: 'Bounded', retryNumber: 5, retryDelay: 60 },
      batchNotify: { size: 10, timeWindow: 5 },
      remoteTypes: ['Doors', 'Horn', 'ElectricBatteryChargingRequest'],
    },
    status: 'Running',
    secrets: 'v1:enc:c2VjcmV0cw==',
    receiverSecret: 'v1:enc:cmVjZWl2ZXI=',
    upstreamId: null,
    secretsLost: false,
    createdAt: at(1),
    updatedAt: at(1),
    ...overrides,
  };
}

export function action(overrides: Partial<RemoteAction> = {}): RemoteAction {
  return {
    id: 'ra-001',
    vehicleId: 'veh-hash-001',
    vin: 'VR3UHZKXZMT000001',
    callbackId: 'cb-001',
    type: 'ElectricBatteryChargingRequest',
    remote: {
      label: 'night charge',
      charging: {
        schedule: {
          programs: [
            { slot: 1, enabled: true, start: 'PT22H30M', end: 'PT6H', occurence: { day: ['Mon', 'Fri'] } },
          ],
        },
        preferences: { level: 'Level3', type: 'Partial' },
      },
    },
    phase: 'Pending',
    status: 'Accepted',
    outcome: null,
    failureCause: null,
    feedbackDetail: null,
    error: null,
    operator: 'tech-anna',
    reason: null,
    createdAt: at(10),
    updatedAt: at(11),
    doneAt: null,
    lastEventDate: '2025-01-15T08:00:11Z',
    ...overrides,
  };
}

/** A vehicle and a callback, enough for actions to satisfy their foreign keys. */
export function seedParents(repos: Repositories): void {
  repos.vehicles.upsertMany([vehicle()]);
  repos.callbacks.insert(callback());
}

/**
 * The outbox's hot writes as production runs them (delivery-steps.ts through the store writer), synchronously on
 * the test's connection: one transaction per call.
 */
export function outboxWrites(db: Db) {
  const one = (step: WriteStep): unknown => runStepsInline(db, [step])[0];
  return {
    claim: (callbackId: string, now: string, limit: number, owner: string, leaseUntil: string) =>
      deliveryStepResults.claimed(one(deliverySteps.claim(callbackId, now, limit, owner, leaseUntil))),
    settle: (settlement: DeliverySettlement, owner: string) =>
      deliveryStepResults.settledIds(one(deliverySteps.settleMany([settlement], owner))).has(settlement.id),
    settleMany: (settlements: DeliverySettlement[], owner: string) =>
      deliveryStepResults.settledIds(one(deliverySteps.settleMany(settlements, owner))),
    recordAttempt: (attempt: NewAttempt) => void one(deliverySteps.recordAttempts([attempt])),
    recordAttempts: (attempts: NewAttempt[]) => void one(deliverySteps.recordAttempts(attempts)),
    nextDue: (callbackId: string) => deliveryStepResults.nextDue(one(deliverySteps.nextDue(callbackId))),
  };
}
