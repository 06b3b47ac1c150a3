// The nine remote features as the technician knows them, mirrored from the core's remote types (the renderer may
// not import main/). Order: what a depot does most first.
import type { Icon } from '@tabler/icons-react';
import {
  IconBulb,
  IconChargingPile,
  IconLock,
  IconNavigation,
  IconRefresh,
  IconShieldLock,
  IconSpeakerphone,
  IconSpy,
  IconTemperature,
} from '@tabler/icons-react';

export const REMOTE_TYPES = [
  'Doors',
  'Horn',
  'Lights',
  'WakeUp',
  'ElectricBatteryChargingRequest',
  'ThermalPreconditioning',
  'Navigation',
  'Immobilization',
  'Stolen',
] as const;
export type RemoteType = (typeof REMOTE_TYPES)[number];

export interface FeatureInfo {
  type: RemoteType;
  /** The route segment and the body key's feature name. */
  slug: string;
  label: string;
  summary: string;
  icon: Icon;
  /** Needs a typed reason and a second confirmation; goes to the audit log. */
  dangerous: boolean;
}

export const FEATURES: Record<RemoteType, FeatureInfo> = {
  Doors: {
    type: 'Doors',
    slug: 'doors',
    label: 'Doors',
    summary: 'Lock or unlock',
    icon: IconLock,
    dangerous: false,
  },
  Horn: {
    type: 'Horn',
    slug: 'horn',
    label: 'Horn',
    summary: 'Honk to find the vehicle',
    icon: IconSpeakerphone,
    dangerous: false,
  },
  Lights: {
    type: 'Lights',
    slug: 'lights',
    label: 'Lights',
    summary: 'Flash the lights',
    icon: IconBulb,
    dangerous: false,
  },
  WakeUp: {
    type: 'WakeUp',
    slug: 'state',
    label: 'State refresh',
    summary: 'Wake it and refresh its status',
    icon: IconRefresh,
    dangerous: false,
  },
  ElectricBatteryChargingRequest: {
    type: 'ElectricBatteryChargingRequest',
    slug: 'charging',
    label: 'Charging',
    summary: 'Start, stop, delay or program charging',
    icon: IconChargingPile,
    dangerous: false,
  },
  ThermalPreconditioning: {
    type: 'ThermalPreconditioning',
    slug: 'preconditioning',
    label: 'Preconditioning',
    summary: 'Heat or cool now, or weekly programs',
    icon: IconTemperature,
    dangerous: false,
  },
  Navigation: {
    type: 'Navigation',
    slug: 'navigation',
    label: 'Navigation',
    summary: 'Send a destination and waypoints',
    icon: IconNavigation,
    dangerous: false,
  },
  Immobilization: {
    type: 'Immobilization',
    slug: 'immobilization',
    label: 'Immobilization',
    summary: 'Prevent starting until released',
    icon: IconShieldLock,
    dangerous: true,
  },
  Stolen: {
    type: 'Stolen',
    slug: 'stolen',
    label: 'Stolen',
    summary: 'Declare stolen, tracking, immobilize',
    icon: IconSpy,
    dangerous: true,
  },
};

export function featureOf(type: string): FeatureInfo | undefined {
  return (FEATURES as Record<string, FeatureInfo>)[type];
}

export function featureBySlug(slug: string | undefined): FeatureInfo | undefined {
  return Object.values(FEATURES).find((f) => f.slug === slug);
}

export function featureLabel(type: string): string {
  return featureOf(type)?.label ?? type;
}
