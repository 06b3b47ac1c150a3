// What can be done about one command from its timeline: cancel it while it waits in the queue; once it is over
// without doing what was asked, send it again (a new command, linked to this one), or wake the vehicle first and
// retry where its sleep stopped it. The same access rules as sending: below the policy's role the note says who
// may, and an operator may have one approve it here with their PIN. Dangerous commands (immobilization, stolen) are
// confirmed first, and sent again only with a reason, as when they were first sent.
import { Button, Checkbox, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlarm, IconAlertTriangle, IconRepeat, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import type { RemoteActionDto } from '../../../../preload/contract/dto.js';
import {
  REASON_MAX_LENGTH,
  REASON_MIN_LENGTH,
  roleAtLeast,
  ROLES,
  type RemoteType,
} from '../../../../preload/contract/vocabulary.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { t } from '../../i18n/index.js';
import { sendRefusalText } from '../access/access-text.js';
import { ApprovalDialog, isApprovalRefusal, type Approval } from '../access/ApprovalDialog.js';
import { sendAccess, type SendAccess } from '../access/permissions.js';
import { featureLabel, featureOf } from '../remotes/features.js';
import { laneIsBusy, laneOf, queuedOnlyWhenAsked } from '../remotes/queue-rules.js';
import { queueItLabel, RESEND_TEXT } from '../remotes/queue-text.js';
import { remoteSummary } from '../remotes/remote-summary.js';

type Kind = 'cancel' | 'resend' | 'wake';

const WAKE_UP_BODY = { wakeUp: { action: 'WakeUp' } };

/** Both checks must pass (the command, and the wake-up sent before it): the higher role of the two is needed. */
function bothAllowed(a: SendAccess, b: SendAccess): SendAccess {
  const needed = ROLES.indexOf(a.needed) >= ROLES.indexOf(b.needed) ? a.needed : b.needed;
  const allowed = a.allowed && b.allowed;
  const canAsk = !allowed && a.kind === 'operator' && a.role !== null && roleAtLeast(a.role, 'technician');
  return { ...a, needed, allowed, canAsk };
}

const usable = (access: SendAccess) => access.allowed || access.canAsk;

export function ActionCommands({
  action,
  vehicleName,
  onResent,
}: {
  action: RemoteActionDto;
  vehicleName: string;
  /** The new command, once sent again: the page opens it. */
  onResent?(remoteActionId: string): void;
}) {
  const stores = useStores();
  const session = useStore(stores.session, (s) => s.session);
  const operator = useStore(stores.session, (s) => s.operator);
  const byId = useStore(stores.actions, (s) => s.byId);
  const [busy, setBusy] = useState<Kind | null>(null);
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [confirming, setConfirming] = useState<Kind | null>(null);
  const [asking, setAsking] = useState<Kind | null>(null);
  const [queueIt, setQueueIt] = useState(false);
  const [reason, setReason] = useState(action.reason ?? '');
  const [problems, setProblems] = useState<{ reason?: string; operator?: string }>({});
  const lane = useMemo(
    () => laneOf(byId, action.vehicleId, action.type, action.remoteActionId),
    [byId, action.vehicleId, action.type, action.remoteActionId],
  );

  const feature = featureOf(action.type);
  const queued = action.phase === 'Queued';
  const resend = action.resend && !action.resentAs ? action.resend : null;
  if (!feature || (!queued && !resend)) return null;

  const type = action.type as RemoteType;
  const dangerous = feature.dangerous;
  const summary = remoteSummary(action.remote);
  const access = sendAccess(session, type, action.remote);
  const wakeAccess = bothAllowed(access, sendAccess(session, 'WakeUp', WAKE_UP_BODY));
  const accessOf = (kind: Kind) => (kind === 'wake' ? wakeAccess : access);
  // Sent again into a busy lane, these are refused unless the queue is asked for, as in the send form.
  const askQueue = !queued && queuedOnlyWhenAsked(type, action.remote) && laneIsBusy(lane);

  const what: Record<Kind, string> = {
    cancel: t('timeline:commands.what.cancel', { summary, vehicle: vehicleName }),
    resend: t('timeline:commands.what.resend', { summary, vehicle: vehicleName }),
    wake: t('timeline:commands.what.wake', { summary, vehicle: vehicleName }),
  };

  /** Does it (with a supervisor's approval when given); answers the refusal, or null once done. */
  async function run(kind: Kind, approval?: Approval): Promise<ClientFailure | null> {
    setBusy(kind);
    const who = {
      ...(operator.trim() ? { operator: operator.trim() } : {}),
      ...(dangerous && kind !== 'cancel' ? { reason: reason.trim() } : {}),
      ...approval,
    };
    const actions = stores.actions.getState();
    const result =
      kind === 'cancel'
        ? await actions.cancel({ rid: action.remoteActionId, ...who })
        : await actions.resend({
            rid: action.remoteActionId,
            ...(kind === 'wake' ? { wakeFirst: true } : {}),
            ...(askQueue && queueIt ? { whenBusy: 'queue' as const } : {}),
            ...who,
          });
    setBusy(null);
    setConfirming(null);
    if (result.ok) {
      setFailure(null);
      if (kind !== 'cancel') onResent?.(result.remoteActionId);
      return null;
    }
    // An approval refused (wrong PIN, a lock) is the approval dialog's to say: it stays open to try again.
    if (!(approval && isApprovalRefusal(result.error))) setFailure(result.error);
    return result.error;
  }

  /** Confirmed (or needing no confirmation): now, or once someone with the role approves it. */
  function go(kind: Kind) {
    setFailure(null);
    const granted = accessOf(kind);
    if (granted.allowed) void run(kind);
    else if (granted.canAsk) {
      setConfirming(null);
      setAsking(kind);
    }
  }

  function start(kind: Kind) {
    if (dangerous) {
      setProblems({});
      setConfirming(kind);
    } else go(kind);
  }

  function confirmResend(event: React.FormEvent) {
    event.preventDefault();
    // React carries events up its own tree, through the portal: no form around this one may submit too.
    event.stopPropagation();
    const found = {
      ...(reason.trim().length < REASON_MIN_LENGTH
        ? { reason: t('timeline:commands.reasonTooShort', { min: REASON_MIN_LENGTH }) }
        : {}),
      ...(operator.trim() ? {} : { operator: t('timeline:commands.operatorMissing') }),
    };
    setProblems(found);
    if (Object.keys(found).length === 0 && confirming) go(confirming);
  }

  const refusal = !access.allowed ? sendRefusalText(access.needed, access.role, access.kind) : null;
  const wakeRefusal =
    resend?.wakeFirst && access.allowed && !wakeAccess.allowed
      ? sendRefusalText(wakeAccess.needed, wakeAccess.role, wakeAccess.kind)
      : null;

  return (
    <Stack gap="xs" data-testid="action-commands">
      {queued ? (
        <Group>
          <Button
            color="red"
            variant="light"
            leftSection={<IconX aria-hidden />}
            onClick={() => start('cancel')}
            disabled={!usable(access)}
            loading={busy === 'cancel'}
          >
            {RESEND_TEXT.cancel}
            {dangerous ? '…' : ''}
          </Button>
        </Group>
      ) : null}
      {resend ? (
        <>
          {resend.wakeFirst ? (
            <Text size="sm" data-testid="wake-and-retry-why">
              {RESEND_TEXT.wakeAndRetryWhy}
            </Text>
          ) : null}
          {askQueue ? (
            <Checkbox
              label={queueItLabel()}
              description={t('timeline:commands.busy', { feature: featureLabel(type), vehicle: vehicleName })}
              checked={queueIt}
              onChange={(e) => setQueueIt(e.currentTarget.checked)}
            />
          ) : null}
          <Group gap="sm">
            {resend.wakeFirst ? (
              <Button
                leftSection={<IconAlarm aria-hidden />}
                onClick={() => start('wake')}
                disabled={!usable(wakeAccess)}
                loading={busy === 'wake'}
              >
                {RESEND_TEXT.wakeAndRetry}
                {dangerous ? '…' : ''}
              </Button>
            ) : null}
            <Button
              variant={resend.wakeFirst ? 'default' : 'filled'}
              color={dangerous ? 'red' : undefined}
              leftSection={<IconRepeat aria-hidden />}
              onClick={() => start('resend')}
              disabled={!usable(access)}
              loading={busy === 'resend'}
            >
              {RESEND_TEXT.sendAgain}
              {dangerous ? '…' : ''}
            </Button>
          </Group>
        </>
      ) : null}
      {refusal || wakeRefusal ? (
        <Text size="sm" c="dimmed" data-testid="action-commands-access">
          {refusal ?? wakeRefusal}
        </Text>
      ) : null}
      <ErrorSummary error={failure} />

      <Modal
        opened={confirming === 'cancel'}
        onClose={() => setConfirming(null)}
        title={
          <Group gap="xs">
            <IconAlertTriangle color="var(--mantine-color-red-7)" aria-hidden />
            <Text fw={700} size="lg">
              {RESEND_TEXT.cancelTitle(type, vehicleName)}
            </Text>
          </Group>
        }
        centered
      >
        <Stack gap="md">
          <Text>{RESEND_TEXT.cancelConsequence}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)} data-autofocus>
              {RESEND_TEXT.keepQueued}
            </Button>
            <Button color="red" onClick={() => go('cancel')} loading={busy === 'cancel'}>
              {RESEND_TEXT.confirmCancel}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={confirming === 'resend' || confirming === 'wake'}
        onClose={() => setConfirming(null)}
        title={
          <Group gap="xs">
            <IconAlertTriangle color="var(--mantine-color-red-7)" aria-hidden />
            <Text fw={700} size="lg">
              {RESEND_TEXT.resendTitle(type, vehicleName)}
            </Text>
          </Group>
        }
        centered
        size="lg"
      >
        <form onSubmit={confirmResend} noValidate data-testid="resend-confirm">
          <Stack gap="md">
            <Text>{RESEND_TEXT.resendConsequence(summary, vehicleName)}</Text>
            {confirming === 'wake' ? <Text>{RESEND_TEXT.wakeAndRetryWhy}</Text> : null}
            <Textarea
              label={t('timeline:commands.reason.label')}
              description={t('timeline:commands.reason.description')}
              required
              autosize
              minRows={2}
              maxLength={REASON_MAX_LENGTH}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={problems.reason}
            />
            <TextInput
              label={t('timeline:commands.operator.label')}
              description={t('timeline:commands.operator.description')}
              required
              value={operator}
              onChange={(e) => stores.session.getState().setOperator(e.currentTarget.value)}
              error={problems.operator}
              maw={360}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)} data-autofocus>
                {t('timeline:commands.cancel')}
              </Button>
              <Button type="submit" color="red" loading={busy === 'resend' || busy === 'wake'}>
                {confirming === 'wake' ? RESEND_TEXT.wakeAndRetry : RESEND_TEXT.sendAgain}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>

      {asking ? (
        <ApprovalDialog
          opened
          needed={accessOf(asking).needed}
          what={what[asking]}
          onCancel={() => setAsking(null)}
          onApprove={async (approval) => {
            const refused = await run(asking, approval);
            // The approval refused stays in the dialog to try again; anything else is shown beside the buttons.
            if (refused && isApprovalRefusal(refused)) return refused;
            setAsking(null);
            return null;
          }}
        />
      ) : null}
    </Stack>
  );
}
