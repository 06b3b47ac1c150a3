// The nine features of a vehicle as a row of icons: coloured when it can, crossed out with the reason when not.
import { Group, Text, ThemeIcon, Tooltip } from '@mantine/core';
import type { VehicleDto } from '../../../../preload/contract/dto.js';
import { FEATURES, FEATURE_ORDER } from '../remotes/features.js';

export function CapabilityIcons({ vehicle }: { vehicle: VehicleDto }) {
  return (
    <Group gap={4} wrap="nowrap" role="list" aria-label="What it can do">
      {FEATURE_ORDER.map((type) => {
        const feature = FEATURES[type];
        const capability = vehicle.capabilities[type];
        const can = capability?.supported === true;
        const text = can
          ? `${feature.label}: available`
          : `${feature.label}: not available — ${capability?.reason ?? 'unknown'}`;
        const Icon = feature.icon;
        return (
          <Tooltip key={type} label={text} multiline maw={280} withArrow>
            <ThemeIcon
              role="listitem"
              aria-label={text}
              tabIndex={0}
              size={28}
              radius="sm"
              variant={can ? 'light' : 'default'}
              color={can ? 'indigo' : 'gray'}
              style={can ? undefined : { opacity: 0.45, textDecoration: 'line-through' }}
            >
              <Icon size={17} aria-hidden />
            </ThemeIcon>
          </Tooltip>
        );
      })}
    </Group>
  );
}

/** The features it cannot do, named (the icons alone would rely on shade). */
export function CannotText({ vehicle }: { vehicle: VehicleDto }) {
  const cannot = FEATURE_ORDER.filter((t) => vehicle.capabilities[t]?.supported !== true).map(
    (t) => FEATURES[t].label,
  );
  return (
    <Text size="sm" c={cannot.length ? 'orange.9' : 'dimmed'} mt={4}>
      {cannot.length === 0 ? 'All nine features' : `Cannot: ${cannot.join(', ')}`}
    </Text>
  );
}
