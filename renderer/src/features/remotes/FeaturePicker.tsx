// The nine features of one vehicle: what it can do, and for what it cannot, why — not just a greyed button. A
// feature the signed-in role may not send at all says who may (the form then offers to ask them to approve).
import { SimpleGrid, Text, UnstyledButton, Group, ThemeIcon } from '@mantine/core';
import { IconBan } from '@tabler/icons-react';
import { useStore } from 'zustand';
import type { VehicleSummaryDto } from '../../../../preload/contract/dto.js';
import { roleAtLeast } from '../../../../preload/contract/vocabulary.js';
import { useStores } from '../../app/stores-context.js';
import { t } from '../../i18n/index.js';
import { ACCESS_TEXT } from '../access/access-text.js';
import { featureFloor, sessionRole } from '../access/permissions.js';
import { type CapabilityLike, capabilityReasonText } from '../fleet/capability-text.js';
import { FEATURES, FEATURE_ORDER, type RemoteType } from './features.js';
import classes from './FeaturePicker.module.css';

/** What the vehicle says it can do for a feature (a reason code when it cannot); nothing said is "cannot". */
export function capabilityOf(vehicle: VehicleSummaryDto, type: RemoteType): CapabilityLike {
  return vehicle.capabilities[type] ?? { supported: false };
}

/** Why the vehicle cannot do the feature, in words; null when the vehicle gave no reason. */
export function capabilityWhy(vehicle: VehicleSummaryDto, type: RemoteType): string | null {
  const capability = vehicle.capabilities[type];
  return capability ? capabilityReasonText(capability) : t('remotes:picker.capabilityUnknown');
}

export function FeaturePicker({
  vehicle,
  selected,
  onSelect,
}: {
  vehicle: VehicleSummaryDto;
  selected: RemoteType | undefined;
  onSelect(type: RemoteType): void;
}) {
  const stores = useStores();
  const session = useStore(stores.session, (s) => s.session);
  const role = sessionRole(session);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" role="group" aria-label={t('remotes:picker.label')}>
      {FEATURE_ORDER.map((type) => {
        const feature = FEATURES[type];
        const capability = capabilityOf(vehicle, type);
        const why = capability.supported ? null : capabilityWhy(vehicle, type);
        const floor = featureFloor(session?.rules ?? {}, type);
        const needs = role !== null && !roleAtLeast(role, floor) ? floor : null;
        const Icon = feature.icon;
        return (
          <UnstyledButton
            key={type}
            className={classes.tile}
            data-selected={selected === type || undefined}
            data-unsupported={!capability.supported || undefined}
            data-danger={feature.dangerous || undefined}
            aria-pressed={selected === type}
            onClick={() => onSelect(type)}
            data-testid={`feature-${feature.slug}`}
          >
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon
                size={38}
                radius="md"
                variant={capability.supported ? 'light' : 'default'}
                color={feature.dangerous ? 'red' : 'indigo'}
              >
                {capability.supported ? <Icon size={22} aria-hidden /> : <IconBan size={22} aria-hidden />}
              </ThemeIcon>
              <div>
                <Text fw={700}>{feature.label}</Text>
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {capability.supported
                    ? feature.summary
                    : why
                      ? t('remotes:picker.unavailable', { reason: why })
                      : t('remotes:picker.unsupported')}
                </Text>
                {needs ? (
                  <Text size="xs" fw={600} c="orange.9" data-testid="feature-needs">
                    {ACCESS_TEXT.needsRole(needs)}
                  </Text>
                ) : null}
              </div>
            </Group>
          </UnstyledButton>
        );
      })}
    </SimpleGrid>
  );
}
