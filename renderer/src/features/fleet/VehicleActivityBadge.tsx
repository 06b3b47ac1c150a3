import { Anchor, Group, Text } from '@mantine/core';
import type { RemoteActionDto } from '../../../../preload/contract/dto.js';
import { OutcomeBadge } from '../../components/OutcomeBadge.js';
import { TimeAgo } from '../../components/TimeAgo.js';
import { featureLabel } from '../remotes/features.js';

/** What is happening to a vehicle: the command in flight, or how the last one ended. */
export function VehicleActivityBadge({
  latest,
  inFlight,
}: {
  latest?: RemoteActionDto | undefined;
  inFlight?: RemoteActionDto[] | undefined;
}) {
  const shown = inFlight?.[0] ?? latest;
  if (!shown) return <Text c="dimmed">No command yet</Text>;
  return (
    <Group gap="xs" wrap="nowrap">
      <OutcomeBadge action={shown} size="md" />
      <Anchor href={`#/actions/${encodeURIComponent(shown.remoteActionId)}`} size="sm">
        {featureLabel(shown.type)}
      </Anchor>
      <Text size="xs" c="dimmed">
        <TimeAgo iso={shown.updatedAt} />
      </Text>
      {inFlight && inFlight.length > 1 ? <Text size="xs">+{inFlight.length - 1} more</Text> : null}
    </Group>
  );
}
