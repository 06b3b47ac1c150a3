// An action's life, step by step as it arrives: every Pending step and the outcome, each in plain words; on a
// failure, what happened and what to do next. AlreadyDone reads as the success it is. A queued command shows its
// place in line, and commands sent again link to each other. What can be done about it (cancel, send again) comes
// in `controls`, from the page: this component reads no store.
import { Alert, Anchor, Code, Group, Loader, Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconArrowForwardUp,
  IconCircleCheck,
  IconCircleX,
  IconClockPause,
  IconInfoCircle,
  IconSend,
  IconSunrise,
} from '@tabler/icons-react';
import type { ActionEventDto, ExplanationDto, RemoteActionDto } from '../../../../preload/contract/dto.js';
import { isSettled, type ActionPhase } from '../../../../preload/contract/vocabulary.js';
import { OutcomeBadge } from '../../components/OutcomeBadge.js';
import { timeText } from '../../components/time-text.js';
import { verdictOf } from '../../stores/action-phases.js';
import { t } from '../../i18n/index.js';
import { sentByText } from '../access/access-text.js';
import { RESEND_TEXT, shortId } from '../remotes/queue-text.js';
import { actionErrorText } from './action-error-text.js';
import { explanationWords } from './explanation-text.js';
import { QueueStatus } from './QueueStatus.js';

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

/** Phases of a command that never left this machine: its first step is joining the queue, not sending. */
const NEVER_SENT: readonly ActionPhase[] = ['Queued', 'Expired', 'Cancelled'];

function ActionLink({
  testId,
  icon,
  label,
  id,
}: {
  testId: string;
  icon: ReactNode;
  label: string;
  id: string;
}) {
  return (
    <Group gap={6} wrap="nowrap" data-testid={testId}>
      {icon}
      <Text size="sm">
        {label}{' '}
        <Anchor href={`#/actions/${encodeURIComponent(id)}`} title={id}>
          {t('timeline:link.command')} <Code>{shortId(id)}</Code>
        </Anchor>
      </Text>
    </Group>
  );
}

/** "Sent again from …", "Sent again as …", and the wake-up a command waits for: each a link to that command. */
function ActionLinks({ action }: { action: RemoteActionDto }) {
  const after = action.phase === 'Queued' ? action.queue?.after : undefined;
  if (!action.resentFrom && !action.resentAs && !after) return null;
  return (
    <Stack gap={4}>
      {action.resentFrom ? (
        <ActionLink
          testId="resent-from"
          icon={<IconArrowBackUp size={18} aria-hidden />}
          label={RESEND_TEXT.resentFrom}
          id={action.resentFrom}
        />
      ) : null}
      {action.resentAs ? (
        <ActionLink
          testId="resent-as"
          icon={<IconArrowForwardUp size={18} aria-hidden />}
          label={RESEND_TEXT.resentAs}
          id={action.resentAs}
        />
      ) : null}
      {after ? (
        <ActionLink
          testId="waits-for"
          icon={<IconSunrise size={18} aria-hidden />}
          label={RESEND_TEXT.waitsFor}
          id={after}
        />
      ) : null}
    </Stack>
  );
}

/**
 * One event: its explanation's title, what it means (for a Done only when compact), when and its raw codes. A
 * function, not a component: Timeline gives its direct children (the items) their active state.
 */
function stepItem(event: ActionEventDto, compact: boolean) {
  const words = explanationWords(event.explanation);
  return (
    <Timeline.Item
      key={event.seq}
      role="listitem"
      bullet={<Bullet severity={event.explanation.severity} />}
      color={SEVERITY[event.explanation.severity].color}
      title={words.title}
      data-testid="timeline-step"
      data-status={event.status}
      opacity={event.applied ? 1 : 0.6}
    >
      {!compact || event.eventType === 'Done' ? <Text size="sm">{words.text}</Text> : null}
      <Text size="xs" c="dimmed">
        {timeText(event.eventDate)}
        {event.eventDateFromReceipt ? ` ${t('timeline:steps.dateFromReceipt')}` : ''} ·{' '}
        {/* The network's own codes, for whoever reads its logs: an identifier, shown as one. */}
        <Code fz="xs">{stepCode(event)}</Code>
        {event.applied ? '' : ` · ${t('timeline:steps.late')}`}
      </Text>
    </Timeline.Item>
  );
}

/** The "What happened" box takes the explanation's severity: a command cancelled by a person is no alarm. */
const ALERT_COLOR = { info: 'gray', success: 'green', warning: 'orange', error: 'red' } as const;

export function ActionTimeline({
  action,
  compact = false,
  controls,
}: {
  action: RemoteActionDto;
  compact?: boolean;
  /** What can be done about it (cancel, send again), shown under the explanation. */
  controls?: ReactNode;
}) {
  const events = [...(action.events ?? [])].sort((a, b) => a.seq - b.seq);
  const verdict = verdictOf(action);
  const open = !isSettled(action.phase);
  const queued = action.phase === 'Queued' && action.queue ? { ...action, queue: action.queue } : null;
  const sentBy = sentByText(action.sentBy, action.approvedBy, action.operator);
  const words = explanationWords(action.explanation);
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
          {words.title}
        </Title>
      </Group>
      {verdict === 'failure' ? (
        <Alert
          color={ALERT_COLOR[action.explanation.severity]}
          variant="light"
          icon={<IconCircleX aria-hidden />}
          title={t('timeline:failure.title')}
          role="alert"
          data-testid="failure-explanation"
        >
          <Text>{words.text}</Text>
          <Text fw={700} mt="xs">
            {t('timeline:failure.next', { next: words.next })}
          </Text>
          {action.error ? (
            <Text size="sm" c="dimmed" mt="xs">
              {actionErrorText(action.error)}
            </Text>
          ) : null}
        </Alert>
      ) : (
        <Text>{words.text}</Text>
      )}
      {queued ? <QueueStatus action={queued} /> : null}
      <ActionLinks action={action} />
      {controls}
      <Timeline
        active={events.length}
        bulletSize={30}
        lineWidth={3}
        aria-label={t('timeline:steps.label')}
        role="list"
      >
        <Timeline.Item
          role="listitem"
          bullet={
            <ThemeIcon color="indigo" radius="xl" size={26}>
              {NEVER_SENT.includes(action.phase) ? (
                <IconClockPause size={16} aria-hidden />
              ) : (
                <IconSend size={16} aria-hidden />
              )}
            </ThemeIcon>
          }
          title={NEVER_SENT.includes(action.phase) ? t('timeline:steps.queued') : t('timeline:steps.sent')}
        >
          <Text size="sm" c="dimmed">
            {timeText(action.createdAt)}
            {sentBy ? ` · ${sentBy}` : ''}
            {action.reason ? ` · ${t('timeline:steps.reason', { reason: action.reason })}` : ''}
          </Text>
        </Timeline.Item>
        {events.map((event) => stepItem(event, compact))}
        {open ? (
          <Timeline.Item
            role="listitem"
            bullet={<Loader size={16} />}
            title={queued ? t('timeline:steps.waitingTurn') : t('timeline:steps.waitingNext')}
            lineVariant="dashed"
          >
            <Text size="sm" c="dimmed">
              {words.next}
            </Text>
          </Timeline.Item>
        ) : null}
      </Timeline>
    </Stack>
  );
}
