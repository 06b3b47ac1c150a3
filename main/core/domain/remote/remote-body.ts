// Wire shapes of the fleet API's `Remote` body (api-b2b.yaml components.schemas.Remote*), exactly as sent.
// Validation lives in remote-schema.ts; these types are what a validated body looks like.

export type Weekday = 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun';

export interface ChargingProgram {
  slot: number; // 1–4, unique in the list
  enabled?: boolean;
  start: string; // ISO-8601 duration from 00:00, e.g. PT22H30M
  end?: string;
  occurence?: { day: Weekday[] }; // sic: the spec's spelling
}

export interface RemoteCharging {
  immediate?: boolean;
  schedule?: { nextDelayedTime: string } | { programs: ChargingProgram[] };
  preferences?: { level?: 'Level1' | 'Level2' | 'Level3' | 'Level4' | 'Level5'; type?: 'Partial' | 'Full' };
}

export type RemoteStolen =
  | { stolen: boolean }
  | { trackingPeriod: { running?: number; shutdown?: number } }
  | { immobilization: { activate: boolean } };

export interface RemoteLights {
  on: boolean;
}

export interface RemoteWakeUp {
  action: 'WakeUp';
}

export type PreconditioningProgram =
  | {
      slot: number;
      actionsType?: 'Set';
      enabled: boolean;
      recurrence?: 'None' | 'Daily';
      start: string;
      occurence: { day: Weekday[] };
    }
  | { slot: number; actionsType: 'Delete' };

export interface RemotePreconditioning {
  airConditioning: { immediate?: boolean; programs?: PreconditioningProgram[] };
}

export interface RemoteDoors {
  state: 'Locked' | 'Unlocked';
  forced?: boolean; // deprecated by the spec, still accepted
}

export interface RemoteHorn {
  state: 'Activated' | 'Unactivated';
}

export interface RemoteImmobilization {
  activate: boolean;
}

export interface GeoPoint {
  type: 'Point';
  /** [longitude, latitude] or [longitude, latitude, altitude] (RFC 7946). */
  coordinates: [number, number] | [number, number, number];
}

export interface RemoteNavigation {
  /** 1–10 points; the last is the destination. */
  positions: GeoPoint[];
}

/** A validated fleet API `Remote` body: an optional label and exactly one action. */
export type RemoteBody = { label?: string } & (
  | { charging: RemoteCharging }
  | { stolen: RemoteStolen }
  | { lights: RemoteLights }
  | { wakeUp: RemoteWakeUp }
  | { preconditioning: RemotePreconditioning }
  | { door: RemoteDoors }
  | { horn: RemoteHorn }
  | { immobilization: RemoteImmobilization }
  | { navigation: RemoteNavigation }
);
