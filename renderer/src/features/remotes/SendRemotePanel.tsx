// Sending one feature to one vehicle: its form, the callback, a label; for dangerous features a typed reason, the
// operator's name and a second confirmation. The API's refusals come back next to the fields they concern, and
// once accepted the command's live timeline appears right here.
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconBan, IconHourglass, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useStore } from 'zustand';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import type { VehicleDto } from '../../../../preload/contract/dto.js';
import { isSettled, REASON_MAX_LENGTH, REASON_MIN_LENGTH } from '../../../../preload/contract/vocabulary.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { errorAt, type FieldError } from '../../components/field-errors.js';
import { isApprovalRefusal, type Approval } from '../access/ApprovalDialog.js';
import { SendAccessNote } from '../access/SendAccessNote.js';
import { useSendAccess } from '../access/use-access.js';
import { ActionTimeline } from '../timeline/ActionTimeline.js';
import { CallbackPicker, eligibleCallbacks, preferredCallbackId } from './CallbackPicker.js';
import { DangerConfirm } from './DangerConfirm.js';
import { immobilizationText, stolenText } from './danger-text.js';
import { FeatureForm } from './FeatureForm.js';
import { capabilityOf } from './FeaturePicker.js';
import { FEATURES, type RemoteType } from './features.js';
import { type Drafts, initialDrafts, localErrors, remoteBody } from './models/remote-draft.js';
import { sendLabel } from './send-label.js';

export const REASON_FIELD = 'X-Depot-Reason';
export const OPERATOR_FIELD = 'X-Depot-Operator';

function sameField(a: string, b: string) {
  return a.toLowerCase() === b.toLowerCase();
}

export function SendRemotePanel({ vehicle, type }: { vehicle: VehicleDto; type: RemoteType }) {
  const stores = useStores();
  const callbacks = useStore(stores.callbacks, (s) => s.items);
  const operator = useStore(stores.session, (s) => s.operator);
  const [drafts, setDrafts] = useState<Drafts>(initialDrafts);
  const [label, setLabel] = useState('');
  const [callbackId, setCallbackId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [local, setLocal] = useState<FieldError[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sentId, setSentId] = useState<string | null>(null);
  const sent = useStore(stores.actions, (s) => (sentId ? s.byId[sentId] : undefined));
  // One command in flight (not settled) per vehicle and feature, as the core enforces: the network would refuse a
  // second one. A TimedOut one no longer holds the feature.
  const inFlight = useStore(stores.actions, (s) =>
    Object.values(s.byId).find((a) => a.vehicleId === vehicle.id && a.type === type && !isSettled(a.phase)),
  );

  const feature = FEATURES[type];
  const capability = capabilityOf(vehicle, type);
  const eligible = eligibleCallbacks(callbacks, type);
  const running = eligible.filter((c) => c.status === 'Running');
  const chosen = running.some((c) => c.id === callbackId) ? callbackId : preferredCallbackId(callbacks, type);
  const vehicleName = vehicle.label ?? vehicle.vin;
  // What the signed-in role may send: below the policy's role, the button is disabled and the note says who may.
  const access = useSendAccess(type, remoteBody(type, drafts[type], label));
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
          message: `Give the reason (at least ${REASON_MIN_LENGTH} characters): it goes to the audit log.`,
        });
      if (!operator.trim())
        problems.push({
          field: OPERATOR_FIELD,
          message: 'Enter your name: it goes to the audit log with the reason.',
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
      ...(operator.trim() ? { operator: operator.trim() } : {}),
      ...(feature.dangerous ? { reason: reason.trim() } : {}),
      ...approval,
    });
    setBusy(false);
    setConfirming(false);
    if (result.ok) {
      setFailure(null);
      setSentId(result.remoteActionId);
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
            <Text c="dimmed">to {vehicleName}</Text>
          </Group>
          {!capability.supported ? (
            <Alert
              color="orange"
              icon={<IconBan aria-hidden />}
              title={`${vehicleName} cannot do ${feature.label.toLowerCase()}`}
              data-testid="capability-reason"
            >
              {capability.reason ?? 'This vehicle does not support it.'}
            </Alert>
          ) : null}
          {local.length > 0 ? (
            <ErrorSummary
              error={{ status: 0, code: 'LOCAL', message: 'Check the highlighted fields.', errors: local }}
            />
          ) : null}
          <ErrorSummary error={failure} />
          {inFlight ? (
            <Alert
              color="blue"
              icon={<IconHourglass aria-hidden />}
              title="Already in progress"
              data-testid="in-flight"
            >
              A {feature.label.toLowerCase()} command is already on its way to {vehicleName}.{' '}
              <Anchor href={`#/actions/${encodeURIComponent(inFlight.remoteActionId)}`}>Follow it</Anchor>;
              you can send another once it has finished.
            </Alert>
          ) : null}
          <FeatureForm
            type={type}
            draft={drafts[type]}
            onChange={(draft) => setDrafts((d) => ({ ...d, [type]: draft }))}
            errors={errors}
          />
          {feature.dangerous ? (
            <Paper withBorder p="md" bg="var(--mantine-color-red-light)">
              <Stack gap="sm">
                <Text fw={700}>
                  Dangerous command: a reason and your name are required, and it is written to the audit log.
                </Text>
                <Textarea
                  label="Reason"
                  placeholder="e.g. Customer reported the vehicle stolen, police report 2024-118"
                  required
                  autosize
                  minRows={2}
                  maxLength={REASON_MAX_LENGTH}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  error={headerError(REASON_FIELD)}
                />
                <TextInput
                  label="Operator"
                  description="Your name, remembered on this computer."
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
              label="Label (optional)"
              description="For your records; sent with the command."
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              error={errorAt(errors, 'label')}
              w={260}
            />
          </Group>
          <Group>
            <Button
              type="submit"
              size="lg"
              color={feature.dangerous ? 'red' : 'indigo'}
              leftSection={<IconSend aria-hidden />}
              disabled={!chosen || !capability.supported || Boolean(inFlight) || !access.allowed}
              loading={busy && !confirming}
            >
              {sendLabel(type, drafts[type])}
            </Button>
          </Group>
          <SendAccessNote
            access={access}
            what={danger?.confirmLabel ?? `${sendLabel(type, drafts[type])} (${vehicleName})`}
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
        <Paper withBorder p="lg" aria-live="polite" data-testid="sent-action">
          <Group justify="space-between" mb="sm">
            <Text fw={700}>Command sent</Text>
            <Anchor href={`#/actions/${encodeURIComponent(sent.remoteActionId)}`}>
              Open the full timeline
            </Anchor>
          </Group>
          <ActionTimeline action={sent} compact />
        </Paper>
      ) : null}
    </Stack>
  );
}
