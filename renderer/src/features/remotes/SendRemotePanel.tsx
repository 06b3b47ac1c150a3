// Sending one feature to one vehicle: its form, the callback, a label; for dangerous features a typed reason, the
// operator's name and a second confirmation. The API's refusals come back next to the fields they concern, and
// once accepted the command's live timeline appears right here (with cancel / send again). While the feature is
// busy on the vehicle, the form says the command will wait its turn in the queue (LaneNote).
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconBan, IconSend } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import type { VehicleSummaryDto } from '../../../../preload/contract/dto.js';
import { REASON_MAX_LENGTH, REASON_MIN_LENGTH } from '../../../../preload/contract/vocabulary.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary, useLocalFailure } from '../../components/ErrorSummary.js';
import { errorAt, type FieldError } from '../../components/field-errors.js';
import { useKeepInView } from '../../components/use-keep-in-view.js';
import { t } from '../../i18n/index.js';
import { isApprovalRefusal, type Approval } from '../access/ApprovalDialog.js';
import { SendAccessNote } from '../access/SendAccessNote.js';
import { useSendAccess } from '../access/use-access.js';
import { ActionCommands } from '../timeline/ActionCommands.js';
import { ActionTimeline } from '../timeline/ActionTimeline.js';
import { CallbackPicker, eligibleCallbacks, preferredCallbackId } from './CallbackPicker.js';
import { DangerConfirm } from './DangerConfirm.js';
import { immobilizationText, stolenText } from './danger-text.js';
import { FeatureForm } from './FeatureForm.js';
import { capabilityOf, capabilityWhy } from './FeaturePicker.js';
import { featureInSentence, FEATURES, type RemoteType } from './features.js';
import { LaneNote } from './LaneNote.js';
import { type Drafts, initialDrafts, localErrors, remoteBody } from './models/remote-draft.js';
import { laneIsBusy, laneOf, queuedOnlyWhenAsked } from './queue-rules.js';
import { sendLabel } from './send-label.js';

export const REASON_FIELD = 'X-Depot-Reason';
export const OPERATOR_FIELD = 'X-Depot-Operator';
/** Where the API reports a problem with the optional label. */
const LABEL_FIELD = 'label';

function sameField(a: string, b: string) {
  return a.toLowerCase() === b.toLowerCase();
}

export function SendRemotePanel({ vehicle, type }: { vehicle: VehicleSummaryDto; type: RemoteType }) {
  const stores = useStores();
  const callbacks = useStore(stores.callbacks, (s) => s.items);
  const operator = useStore(stores.session, (s) => s.operator);
  const [drafts, setDrafts] = useState<Drafts>(initialDrafts);
  const [label, setLabel] = useState('');
  const [callbackId, setCallbackId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [local, setLocal] = useState<FieldError[]>([]);
  const localFailure = useLocalFailure(local);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sentId, setSentId] = useState<string | null>(null);
  const sent = useStore(stores.actions, (s) => (sentId ? s.byId[sentId] : undefined));
  // Once sent, its live timeline (below the form) is brought into view.
  const sentRef = useKeepInView<HTMLDivElement>(sent?.remoteActionId);
  // The vehicle's commands of this feature not over yet (a TimedOut one no longer holds it): a new one waits behind
  // them in the agent's queue, one at a time, as the network takes only one per vehicle and feature.
  const byId = useStore(stores.actions, (s) => s.byId);
  const lane = useMemo(() => laneOf(byId, vehicle.id, type), [byId, vehicle.id, type]);
  const [queueIt, setQueueIt] = useState(false);

  const feature = FEATURES[type];
  const capability = capabilityOf(vehicle, type);
  const eligible = eligibleCallbacks(callbacks, type);
  const running = eligible.filter((c) => c.status === 'Running');
  const chosen = running.some((c) => c.id === callbackId) ? callbackId : preferredCallbackId(callbacks, type);
  const vehicleName = vehicle.label ?? vehicle.vin;
  // What the signed-in role may send: below the policy's role, the button is disabled and the note says who may.
  const access = useSendAccess(type, remoteBody(type, drafts[type], label));
  // Immobilization, stolen mode and unlocking wait in the queue only when the technician asks (whenBusy=queue).
  const onlyWhenAsked = queuedOnlyWhenAsked(type, remoteBody(type, drafts[type], label));
  const askForQueue = onlyWhenAsked && laneIsBusy(lane) && queueIt;
  const errors: FieldError[] = [...local, ...(failure?.errors ?? [])];
  const headerError = (name: string) =>
    errors
      .filter((e) => sameField(e.field, name))
      .map((e) => e.message)
      .join(' ') || undefined;

  function checkLocally(): FieldError[] {
    const problems = [...localErrors(type, drafts[type])];
    if (feature.dangerous) {
      if (reason.trim().length < REASON_MIN_LENGTH)
        problems.push({
          field: REASON_FIELD,
          message: t('remotes:send.reason.tooShort', { min: REASON_MIN_LENGTH }),
        });
      if (!operator.trim())
        problems.push({
          field: OPERATOR_FIELD,
          message: t('remotes:send.operator.missing'),
        });
    }
    return problems;
  }

  /** Sends (with a supervisor's approval when given); answers the refusal, or null once sent. */
  async function send(approval?: Approval): Promise<ClientFailure | null> {
    if (!chosen) return null;
    setBusy(true);
    const result = await stores.actions.getState().send({
      vid: vehicle.id,
      cbid: chosen,
      body: remoteBody(type, drafts[type], label),
      ...(askForQueue ? { whenBusy: 'queue' as const } : {}),
      ...(operator.trim() ? { operator: operator.trim() } : {}),
      ...(feature.dangerous ? { reason: reason.trim() } : {}),
      ...approval,
    });
    setBusy(false);
    setConfirming(false);
    if (result.ok) {
      setFailure(null);
      setSentId(result.remoteActionId);
      // Asked for this one: the next is asked again.
      setQueueIt(false);
      return null;
    }
    // An approval refused (wrong PIN, a lock) is the approval dialog's to say: it stays open to try again.
    if (!(approval && isApprovalRefusal(result.error))) setFailure(result.error);
    return result.error;
  }

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const problems = checkLocally();
    setLocal(problems);
    setFailure(null);
    if (problems.length > 0) return;
    if (feature.dangerous) setConfirming(true);
    else void send();
  }

  const danger =
    type === 'Immobilization'
      ? immobilizationText(drafts.Immobilization, vehicleName)
      : type === 'Stolen'
        ? stolenText(drafts.Stolen, vehicleName)
        : null;

  return (
    <Stack gap="md">
      <Paper withBorder p="lg" component="form" onSubmit={onSubmit} aria-labelledby="send-title" noValidate>
        <Stack gap="md">
          <Group gap="sm">
            <feature.icon size={28} aria-hidden />
            <Title order={2} size="h3" id="send-title">
              {feature.label}
            </Title>
            <Text c="dimmed">{t('remotes:send.to', { vehicle: vehicleName })}</Text>
          </Group>
          {!capability.supported ? (
            <Alert
              color="orange"
              icon={<IconBan aria-hidden />}
              title={t('remotes:send.unsupported.title', {
                vehicle: vehicleName,
                feature: featureInSentence(type),
              })}
              data-testid="capability-reason"
            >
              {capabilityWhy(vehicle, type) ?? t('remotes:send.unsupported.noReason')}
            </Alert>
          ) : null}
          <ErrorSummary error={localFailure} focusOnShow />
          <ErrorSummary error={failure} focusOnShow />
          <FeatureForm
            type={type}
            draft={drafts[type]}
            onChange={(draft) => setDrafts((d) => ({ ...d, [type]: draft }))}
            errors={errors}
          />
          {feature.dangerous ? (
            <Paper withBorder p="md" bg="var(--mantine-color-red-light)">
              <Stack gap="sm">
                <Text fw={700}>{t('remotes:send.danger.note')}</Text>
                <Textarea
                  label={t('remotes:send.reason.label')}
                  placeholder={t('remotes:send.reason.placeholder')}
                  required
                  autosize
                  minRows={2}
                  maxLength={REASON_MAX_LENGTH}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  error={headerError(REASON_FIELD)}
                />
                <TextInput
                  label={t('remotes:send.operator.label')}
                  description={t('remotes:send.operator.description')}
                  required
                  value={operator}
                  onChange={(e) => stores.session.getState().setOperator(e.currentTarget.value)}
                  error={headerError(OPERATOR_FIELD)}
                  maw={360}
                />
              </Stack>
            </Paper>
          ) : null}
          <Group align="flex-end" gap="md" wrap="wrap">
            <CallbackPicker callbacks={callbacks} type={type} value={chosen} onChange={setCallbackId} />
            <TextInput
              label={t('remotes:send.label.label')}
              description={t('remotes:send.label.description')}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              error={errorAt(errors, LABEL_FIELD)}
              w={260}
            />
          </Group>
          <LaneNote
            type={type}
            vehicleName={vehicleName}
            lane={lane}
            onlyWhenAsked={onlyWhenAsked}
            queueIt={queueIt}
            onQueueItChange={setQueueIt}
          />
          <Group>
            <Button
              type="submit"
              size="lg"
              color={feature.dangerous ? 'red' : 'indigo'}
              leftSection={<IconSend aria-hidden />}
              disabled={!chosen || !capability.supported || !access.allowed}
              loading={busy && !confirming}
            >
              {sendLabel(type, drafts[type])}
            </Button>
          </Group>
          <SendAccessNote
            access={access}
            what={
              danger?.confirmLabel ??
              t('remotes:send.accessWhat', { action: sendLabel(type, drafts[type]), vehicle: vehicleName })
            }
            beforeAsk={() => {
              const problems = checkLocally();
              setLocal(problems);
              setFailure(null);
              return problems.length === 0 && chosen !== null;
            }}
            onApprove={(approval) => send(approval)}
          />
        </Stack>
      </Paper>
      {danger ? (
        <DangerConfirm
          opened={confirming}
          {...danger}
          reason={reason.trim()}
          operator={operator.trim()}
          busy={busy}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void send()}
        />
      ) : null}
      {sent ? (
        <Paper withBorder p="lg" aria-live="polite" data-testid="sent-action" ref={sentRef}>
          <Group justify="space-between" mb="sm">
            <Text fw={700}>
              {sent.phase === 'Queued' ? t('remotes:send.sent.queued') : t('remotes:send.sent.sent')}
            </Text>
            <Anchor href={`#/actions/${encodeURIComponent(sent.remoteActionId)}`}>
              {t('remotes:send.sent.openTimeline')}
            </Anchor>
          </Group>
          <ActionTimeline
            action={sent}
            compact
            controls={
              // Sent again from here: the new command is the one followed.
              <ActionCommands
                key={sent.remoteActionId}
                action={sent}
                vehicleName={vehicleName}
                onResent={setSentId}
              />
            }
          />
        </Paper>
      ) : null}
    </Stack>
  );
}
