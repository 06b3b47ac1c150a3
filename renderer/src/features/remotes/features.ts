// The nine remote features as the technician knows them: the words and icons for the vocabulary's remote types.
// Order: what a depot does most first.
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
import { isDangerous, type RemoteType } from '../../../../preload/contract/vocabulary.js';

export type { RemoteType };

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

const FEATURE_TEXT = {
  Doors: {
    slug: 'doors',
    label: 'Doors',
    summary: 'Lock or unlock',
    icon: IconLock,
  },
  Horn: {
    slug: 'horn',
    label: 'Horn',
    summary: 'Honk to find the vehicle',
    icon: IconSpeakerphone,
  },
  Lights: {
    slug: 'lights',
    label: 'Lights',
    summary: 'Flash the lights',
    icon: IconBulb,
  },
  WakeUp: {
    slug: 'state',
    label: 'State refresh',
    summary: 'Wake it and refresh its status',
    icon: IconRefresh,
  },
  ElectricBatteryChargingRequest: {
    slug: 'charging',
    label: 'Charging',
    summary: 'Start, stop, delay or program charging',
    icon: IconChargingPile,
  },
  ThermalPreconditioning: {
    slug: 'preconditioning',
    label: 'Preconditioning',
    summary: 'Heat or cool now, or weekly programs',
    icon: IconTemperature,
  },
  Navigation: {
    slug: 'navigation',
    label: 'Navigation',
    summary: 'Send a destination and waypoints',
    icon: IconNavigation,
  },
  Immobilization: {
    slug: 'immobilization',
    label: 'Immobilization',
    summary: 'Prevent starting until released',
    icon: IconShieldLock,
  },
  Stolen: {
    slug: 'stolen',
    label: 'Stolen',
    summary: 'Declare stolen, tracking, immobilize',
    icon: IconSpy,
  },
} satisfies Record<RemoteType, Omit<FeatureInfo, 'type' | 'dangerous'>>;

/** The features in the order a depot uses them most (menus, pickers, lists). */
export const FEATURE_ORDER = Object.keys(FEATURE_TEXT) as RemoteType[];

export const FEATURES = Object.fromEntries(
  FEATURE_ORDER.map((type): [RemoteType, FeatureInfo] => [
    type,
    { ...FEATURE_TEXT[type], type, dangerous: isDangerous(type) },
  ]),
) as Record<RemoteType, FeatureInfo>;

export function featureOf(type: string): FeatureInfo | undefined {
  return (FEATURES as Record<string, FeatureInfo>)[type];
}

export function featureBySlug(slug: string | undefined): FeatureInfo | undefined {
  return Object.values(FEATURES).find((f) => f.slug === slug);
}

export function featureLabel(type: string): string {
  return featureOf(type)?.label ?? type;
}
