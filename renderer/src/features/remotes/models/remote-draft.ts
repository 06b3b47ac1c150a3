// One draft per feature, and the exact fleet API body each produces.
import type { RemoteType } from '../features.js';
import { chargingBody, type ChargingDraft, initialCharging } from './charging-model.js';
import {
  type DoorsDraft,
  doorsBody,
  type HornDraft,
  hornBody,
  type ImmobilizationDraft,
  immobilizationBody,
  initialStolen,
  type LightsDraft,
  lightsBody,
  type StolenDraft,
  stolenBody,
  wakeUpBody,
} from './control-models.js';
import {
  initialNavigation,
  localNavigationErrors,
  type NavigationDraft,
  navigationBody,
} from './navigation-model.js';
import {
  initialPreconditioning,
  type PreconditioningDraft,
  preconditioningBody,
} from './preconditioning-model.js';
import { type Body, withLabel } from './shared.js';

export interface Drafts {
  ElectricBatteryChargingRequest: ChargingDraft;
  ThermalPreconditioning: PreconditioningDraft;
  Navigation: NavigationDraft;
  Doors: DoorsDraft;
  Horn: HornDraft;
  Lights: LightsDraft;
  WakeUp: Record<string, never>;
  Immobilization: ImmobilizationDraft;
  Stolen: StolenDraft;
}

export const initialDrafts = (): Drafts => ({
  ElectricBatteryChargingRequest: initialCharging(),
  ThermalPreconditioning: initialPreconditioning(),
  Navigation: initialNavigation(),
  Doors: { state: 'Locked' },
  Horn: { state: 'Activated' },
  Lights: { on: true },
  WakeUp: {},
  Immobilization: { activate: true },
  Stolen: initialStolen(),
});

export function remoteBody<T extends RemoteType>(type: T, draft: Drafts[T], label = ''): Body {
  const bodies: { [K in RemoteType]: (d: Drafts[K]) => Body } = {
    ElectricBatteryChargingRequest: chargingBody,
    ThermalPreconditioning: preconditioningBody,
    Navigation: navigationBody,
    Doors: doorsBody,
    Horn: hornBody,
    Lights: lightsBody,
    WakeUp: wakeUpBody,
    Immobilization: immobilizationBody,
    Stolen: stolenBody,
  };
  return withLabel((bodies[type] as (d: Drafts[T]) => Body)(draft), label);
}

/** Problems the form catches itself (only what cannot even be put in the body); the API judges the rest. */
export function localErrors<T extends RemoteType>(
  type: T,
  draft: Drafts[T],
): { field: string; message: string }[] {
  return type === 'Navigation' ? localNavigationErrors(draft as NavigationDraft) : [];
}
