// Above the send button while the feature is busy on the vehicle: this command will wait its turn in the queue (with
// the place it will take), and a link to the one in progress. Immobilization, stolen mode and unlocking are not
// queued on their own: the note says the agent will refuse it, unless the technician ticks the box to queue it.
import { Alert, Anchor, Checkbox, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconListNumbers } from '@tabler/icons-react';
import { t } from '../../i18n/index.js';
import type { Lane } from './queue-rules.js';
import { queueItLabel, queuedPositionText, refusedWhenBusyText, willWaitText } from './queue-text.js';

export function LaneNote({
  type,
  vehicleName,
  lane,
  onlyWhenAsked,
  queueIt,
  onQueueItChange,
}: {
  type: string;
  vehicleName: string;
  lane: Lane;
  /** The command as drafted is queued only when asked (whenBusy=queue). */
  onlyWhenAsked: boolean;
  queueIt: boolean;
  onQueueItChange(queueIt: boolean): void;
}) {
  const head = lane.inFlight[0] ?? lane.waiting[0];
  if (!head) return null;
  const position = lane.waiting.length + 1;
  const follow = (
    <Anchor href={`#/actions/${encodeURIComponent(head.remoteActionId)}`}>
      {lane.inFlight.length > 0 ? t('remotes:lane.followInProgress') : t('remotes:lane.followWaiting')}
    </Anchor>
  );
  if (onlyWhenAsked) {
    return (
      <Alert
        color="orange"
        icon={<IconAlertTriangle aria-hidden />}
        title={t('remotes:lane.whenAsked.title')}
        data-testid="in-flight"
        data-queue="when-asked"
      >
        <Stack gap="xs">
          <Text size="sm">
            {refusedWhenBusyText(type, vehicleName)} {follow}.
          </Text>
          <Checkbox
            label={queueItLabel()}
            checked={queueIt}
            onChange={(e) => onQueueItChange(e.currentTarget.checked)}
            data-testid="queue-it"
          />
          {queueIt ? <Text size="sm">{queuedPositionText(position)}</Text> : null}
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert
      color="blue"
      icon={<IconListNumbers aria-hidden />}
      title={t('remotes:lane.auto.title')}
      data-testid="in-flight"
      data-queue="auto"
    >
      <Text size="sm">
        {willWaitText(type, vehicleName, { inFlight: lane.inFlight.length, waiting: lane.waiting.length })}{' '}
        {follow}.
      </Text>
    </Alert>
  );
}
