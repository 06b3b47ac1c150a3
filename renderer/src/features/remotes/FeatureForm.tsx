// The form of one feature, chosen by type.
import type { FieldError } from '../../components/field-errors.js';
import type { RemoteType } from './features.js';
import { ChargingForm } from './forms/ChargingForm.js';
import {
  DoorsForm,
  HornForm,
  ImmobilizationForm,
  LightsForm,
  StolenForm,
  WakeUpForm,
} from './forms/ControlForms.js';
import { NavigationForm } from './forms/NavigationForm.js';
import { PreconditioningForm } from './forms/PreconditioningForm.js';
import type { Drafts } from './models/remote-draft.js';

export function FeatureForm<T extends RemoteType>({
  type,
  draft,
  onChange,
  errors,
}: {
  type: T;
  draft: Drafts[T];
  onChange(draft: Drafts[T]): void;
  errors: readonly FieldError[];
}) {
  // Each branch narrows T by hand: TypeScript cannot relate `type` and `draft` on its own.
  const props = { errors, onChange: onChange as (d: never) => void };
  switch (type) {
    case 'ElectricBatteryChargingRequest':
      return <ChargingForm {...props} draft={draft as Drafts['ElectricBatteryChargingRequest']} />;
    case 'ThermalPreconditioning':
      return <PreconditioningForm {...props} draft={draft as Drafts['ThermalPreconditioning']} />;
    case 'Navigation':
      return <NavigationForm {...props} draft={draft as Drafts['Navigation']} />;
    case 'Doors':
      return <DoorsForm {...props} draft={draft as Drafts['Doors']} />;
    case 'Horn':
      return <HornForm {...props} draft={draft as Drafts['Horn']} />;
    case 'Lights':
      return <LightsForm {...props} draft={draft as Drafts['Lights']} />;
    case 'WakeUp':
      return <WakeUpForm />;
    case 'Immobilization':
      return <ImmobilizationForm {...props} draft={draft as Drafts['Immobilization']} />;
    case 'Stolen':
      return <StolenForm {...props} draft={draft as Drafts['Stolen']} />;
    default:
      return null;
  }
}
