import { Anchor, Group, Text } from '@mantine/core';
import type { RemoteActionDto } from '../../../../preload/contract/dto.js';
import { OutcomeBadge } from '../../components/OutcomeBadge.js';
import { TimeAgo } from '../../components/TimeAgo.js';
import { t } from '../../i18n/index.js';
import { featureLabel } from '../remotes/features.js';
import classes from './FleetGrid.module.css';

/**
 * What is happening to a vehicle: the command in flight, or how the last one ended. In a fleet row its link is
 * reached with the arrow keys (`linkTabIndex` −1, `rowItem`), not with Tab.
 */
export function VehicleActivityBadge({
  latest,
  inFlight,
  linkTabIndex,
  rowItem,
}: {
  latest?: RemoteActionDto | undefined;
  inFlight?: RemoteActionDto[] | undefined;
  linkTabIndex?: number;
  rowItem?: boolean;
}) {
  const shown = inFlight?.[0] ?? latest;
  // Most rows: a plain line (the list redraws every row in view on each filter).
  if (!shown) return <span className={classes.dimmed}>{t('fleet:row.noCommand')}</span>;
  return (
    <Group gap={6} wrap="nowrap">
      <OutcomeBadge action={shown} size="sm" />
      <Anchor
        href={`#/actions/${encodeURIComponent(shown.remoteActionId)}`}
        size="sm"
        tabIndex={linkTabIndex}
        data-row-item={rowItem || undefined}
      >
        {featureLabel(shown.type)}
      </Anchor>
      <Text size="xs" c="dimmed">
        <TimeAgo iso={shown.updatedAt} />
      </Text>
      {inFlight && inFlight.length > 1 ? (
        <Text size="xs">{t('fleet:row.moreCommands', { count: inFlight.length - 1 })}</Text>
      ) : null}
    </Group>
  );
}
