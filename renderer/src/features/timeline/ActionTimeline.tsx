// An action's life, step by step as it arrives: every Pending step and the outcome, each in plain words; on a
// failure, what happened and what to do next. AlreadyDone reads as the success it is.
import { Alert, Group, Loader, Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleX,
  IconInfoCircle,
  IconSend,
} from '@tabler/icons-react';
import type { ActionEventDto, ExplanationDto, RemoteActionDto } from '../../../../preload/contract/dto.js';
import { isSettled } from '../../../../preload/contract/vocabulary.js';
import { OutcomeBadge } from '../../components/OutcomeBadge.js';
import { timeText } from '../../components/time-text.js';
import { verdictOf } from '../../stores/action-phases.js';
import { sentByText } from '../access/access-text.js';

const SEVERITY = {
  info: { color: 'blue', Icon: IconInfoCircle },
  success: { color: 'green', Icon: IconCircleCheck },
  warning: { color: 'orange', Icon: IconAlertTriangle },
  error: { color: 'red', Icon: IconCircleX },
} as const;

function Bullet({ severity }: { severity: ExplanationDto['severity'] }) {
  const { color, Icon } = SEVERITY[severity];
  return (
    <ThemeIcon color={color} radius="xl" size={26}>
      <Icon size={16} aria-hidden />
    </ThemeIcon>
  );
}

function stepCode(event: ActionEventDto): string {
  return [event.status, event.failureCause, event.feedbackDetail].filter(Boolean).join(' · ');
}

export function ActionTimeline({ action, compact = false }: { action: RemoteActionDto; compact?: boolean }) {
  const events = [...(action.events ?? [])].sort((a, b) => a.seq - b.seq);
  const verdict = verdictOf(action);
  const open = !isSettled(action.phase);
  const sentBy = sentByText(action.sentBy, action.approvedBy, action.operator);
  return (
    <Stack
      gap="md"
      data-testid="action-timeline"
      data-phase={action.phase}
      data-outcome={action.outcome ?? ''}
    >
      <Group gap="md" align="center" wrap="wrap">
        <OutcomeBadge action={action} size={compact ? 'lg' : 'xl'} />
        <Title order={compact ? 3 : 2} size={compact ? 'h4' : 'h3'} data-testid="action-headline">
          {action.explanation.title}
        </Title>
      </Group>
      {verdict === 'failure' ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconCircleX aria-hidden />}
          title="What happened"
          role="alert"
          data-testid="failure-explanation"
        >
          <Text>{action.explanation.explanation}</Text>
          <Text fw={700} mt="xs">
            What to do: {action.explanation.nextStep}
          </Text>
          {action.error ? (
            <Text size="sm" c="dimmed" mt="xs">
              Network answer: {action.error.code} — {action.error.message}
              {action.error.reference ? ` (reference ${action.error.reference})` : ''}
            </Text>
          ) : null}
        </Alert>
      ) : (
        <Text>{action.explanation.explanation}</Text>
      )}
      <Timeline active={events.length} bulletSize={30} lineWidth={3} aria-label="Steps" role="list">
        <Timeline.Item
          role="listitem"
          bullet={
            <ThemeIcon color="indigo" radius="xl" size={26}>
              <IconSend size={16} aria-hidden />
            </ThemeIcon>
          }
          title="Sent"
        >
          <Text size="sm" c="dimmed">
            {timeText(action.createdAt)}
            {sentBy ? ` · ${sentBy}` : ''}
            {action.reason ? ` · reason: ${action.reason}` : ''}
          </Text>
        </Timeline.Item>
        {events.map((event) => (
          <Timeline.Item
            key={event.seq}
            role="listitem"
            bullet={<Bullet severity={event.explanation.severity} />}
            color={SEVERITY[event.explanation.severity].color}
            title={event.explanation.title}
            data-testid="timeline-step"
            data-status={event.status}
            opacity={event.applied ? 1 : 0.6}
          >
            {!compact || event.eventType === 'Done' ? (
              <Text size="sm">{event.explanation.explanation}</Text>
            ) : null}
            <Text size="xs" c="dimmed">
              {timeText(event.eventDate)}
              {event.eventDateFromReceipt ? ' (when received: the network sent no time)' : ''} ·{' '}
              {stepCode(event)}
              {event.applied ? '' : ' · arrived late, ignored'}
            </Text>
          </Timeline.Item>
        ))}
        {open ? (
          <Timeline.Item
            role="listitem"
            bullet={<Loader size={16} />}
            title="Waiting for the next step…"
            lineVariant="dashed"
          >
            <Text size="sm" c="dimmed">
              {action.explanation.nextStep}
            </Text>
          </Timeline.Item>
        ) : null}
      </Timeline>
    </Stack>
  );
}
