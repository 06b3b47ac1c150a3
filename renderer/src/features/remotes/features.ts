// The nine remote features as the technician knows them: the words and icons for the vocabulary's remote types.
// Order: what a depot does most first. The words come from the catalogs each time they are read (the language can
// change while the app runs): the names are shared (vocab:feature.<type>, the notifier's too), the summaries are
// this screen's.
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
import { isDangerous, isRemoteType, type RemoteType } from '../../../../preload/contract/vocabulary.js';
import { t } from '../../i18n/index.js';

export type { RemoteType };

export interface FeatureInfo {
  readonly type: RemoteType;
  /** The route segment and the body key's feature name. */
  readonly slug: string;
  /** The feature's name in the language shown now. */
  readonly label: string;
  /** What it does, in a few words, in the language shown now. */
  readonly summary: string;
  readonly icon: Icon;
  /** Needs a typed reason and a second confirmation; goes to the audit log. */
  readonly dangerous: boolean;
}

const FEATURE_SHAPE = {
  Doors: { slug: 'doors', icon: IconLock },
  Horn: { slug: 'horn', icon: IconSpeakerphone },
  Lights: { slug: 'lights', icon: IconBulb },
  WakeUp: { slug: 'state', icon: IconRefresh },
  ElectricBatteryChargingRequest: { slug: 'charging', icon: IconChargingPile },
  ThermalPreconditioning: { slug: 'preconditioning', icon: IconTemperature },
  Navigation: { slug: 'navigation', icon: IconNavigation },
  Immobilization: { slug: 'immobilization', icon: IconShieldLock },
  Stolen: { slug: 'stolen', icon: IconSpy },
} satisfies Record<RemoteType, { slug: string; icon: Icon }>;

/** The features in the order a depot uses them most (menus, pickers, lists). */
export const FEATURE_ORDER = Object.keys(FEATURE_SHAPE) as RemoteType[];

/** The feature's name ("Charging"); a type this version does not know is shown as it came. */
export function featureLabel(type: string): string {
  return isRemoteType(type) ? t(`vocab:feature.${type}`) : type;
}

/** What the feature does, in a few words ("Lock or unlock"). */
export function featureSummary(type: RemoteType): string {
  return t(`remotes:feature.summary.${type}`);
}

/** The feature's name inside a sentence ("horn" in English, quoted where the language quotes it). */
export function featureInSentence(type: string): string {
  return t('remotes:feature.inSentence', { type });
}

function featureInfo(type: RemoteType): FeatureInfo {
  const { slug, icon } = FEATURE_SHAPE[type];
  // Getters: label and summary are read when shown, so they follow a change of language.
  return {
    type,
    slug,
    icon,
    dangerous: isDangerous(type),
    get label() {
      return featureLabel(type);
    },
    get summary() {
      return featureSummary(type);
    },
  };
}

export const FEATURES = Object.fromEntries(
  FEATURE_ORDER.map((type): [RemoteType, FeatureInfo] => [type, featureInfo(type)]),
) as Record<RemoteType, FeatureInfo>;

export function featureOf(type: string): FeatureInfo | undefined {
  return (FEATURES as Record<string, FeatureInfo>)[type];
}

export function featureBySlug(slug: string | undefined): FeatureInfo | undefined {
  return Object.values(FEATURES).find((f) => f.slug === slug);
}
