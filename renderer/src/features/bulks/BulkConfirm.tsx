// Confirming a previewed bulk command: the number of vehicles it goes to on the button; for Immobilization and
// Stolen the typed reason, the operator's name and a second confirmation, exactly as a single send asks; below the
// role the policy asks, who may (and, for an operator, a supervisor's approval here).
import { Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useStore } from 'zustand';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import type { BulkPlanDto } from '../../../../preload/contract/routines.js';
import { REASON_MAX_LENGTH, REASON_MIN_LENGTH } from '../../../../preload/contract/vocabulary.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import type { FieldError } from '../../components/field-errors.js';
import { t } from '../../i18n/index.js';
import { isApprovalRefusal, type Approval } from '../access/ApprovalDialog.js';
import { SendAccessNote } from '../access/SendAccessNote.js';
import { useSendAccess } from '../access/use-access.js';
import { DangerConfirm } from '../remotes/DangerConfirm.js';
import { immobilizationText, stolenText } from '../remotes/danger-text.js';
import { FEATURES, featureLabel, type RemoteType } from '../remotes/features.js';
import type { Drafts } from '../remotes/models/remote-draft.js';
import { OPERATOR_FIELD, REASON_FIELD } from '../remotes/SendRemotePanel.js';

const fieldMessage = (errors: readonly FieldError[], name: string) =>
  errors
    .filter((e) => e.field.toLowerCase() === name.toLowerCase())
    .map((e) => e.message)
    .join(' ') || undefined;

export function BulkConfirm({
  type,
  drafts,
  remote,
  plan,
  onStart,
}: {
  type: RemoteType;
  drafts: Drafts;
  remote: Record<string, unknown>;
  plan: BulkPlanDto;
  onStart(extra: { reason?: string; operator?: string; approval?: Approval }): Promise<ClientFailure | null>;
}) {
  const stores = useStores();
  const operator = useStore(stores.session, (s) => s.operator);
  const access = useSendAccess(type, remote);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const feature = FEATURES[type];
  const count = plan.counts.queued;
  // A noun phrase the danger texts put in their own sentences ("Immobilize 2 vehicles?").
  const vehicles = t('bulks:confirm.vehicles', { count });
  const errors = [...local, ...(failure?.errors ?? [])];
  const localFailure: ClientFailure | null =
    local.length > 0
      ? { status: 0, code: 'LOCAL', message: t('bulks:form.checkFields'), errors: local }
      : null;
  const danger =
    type === 'Immobilization'
      ? immobilizationText(drafts.Immobilization, vehicles)
      : type === 'Stolen'
        ? stolenText(drafts.Stolen, vehicles)
        : null;

  function check(): boolean {
    const problems: FieldError[] = [];
    if (feature.dangerous) {
      if (reason.trim().length < REASON_MIN_LENGTH)
        problems.push({
          field: REASON_FIELD,
          message: t('bulks:confirm.error.reason', { min: REASON_MIN_LENGTH }),
        });
      if (!operator.trim())
        problems.push({
          field: OPERATOR_FIELD,
          message: t('bulks:confirm.error.operator'),
        });
    }
    setLocal(problems);
    setFailure(null);
    return problems.length === 0;
  }

  async function send(approval?: Approval): Promise<ClientFailure | null> {
    setBusy(true);
    const refusal = await onStart({
      ...(feature.dangerous ? { reason: reason.trim() } : {}),
      ...(operator.trim() ? { operator: operator.trim() } : {}),
      ...(approval ? { approval } : {}),
    });
    setBusy(false);
    setConfirming(false);
    // An approval refused is the approval dialog's to say; anything else is said here.
    if (refusal && !(approval && isApprovalRefusal(refusal))) setFailure(refusal);
    return refusal;
  }

  return (
    <Paper withBorder p="lg" aria-label={t('bulks:confirm.region')}>
      <Stack gap="md">
        {localFailure ? <ErrorSummary error={localFailure} /> : null}
        <ErrorSummary error={failure} />
        {feature.dangerous ? (
          <Paper withBorder p="md" bg="var(--mantine-color-red-light)">
            <Stack gap="sm">
              <Text fw={700}>{t('bulks:confirm.danger')}</Text>
              <Textarea
                label={t('bulks:confirm.reason')}
                required
                autosize
                minRows={2}
                maxLength={REASON_MAX_LENGTH}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={fieldMessage(errors, REASON_FIELD)}
              />
              <TextInput
                label={t('bulks:confirm.operator')}
                description={t('bulks:confirm.operatorHint')}
                required
                value={operator}
                onChange={(e) => stores.session.getState().setOperator(e.currentTarget.value)}
                error={fieldMessage(errors, OPERATOR_FIELD)}
                maw={360}
              />
            </Stack>
          </Paper>
        ) : null}
        {count === 0 ? (
          <Text fw={600} c="orange.9">
            {t('bulks:confirm.nothingToSend')}
          </Text>
        ) : null}
        <Group>
          <Button
            size="lg"
            color={feature.dangerous ? 'red' : 'indigo'}
            leftSection={<IconSend aria-hidden />}
            disabled={count === 0 || !access.allowed}
            loading={busy && !confirming}
            onClick={() => {
              if (!check()) return;
              if (danger) setConfirming(true);
              else void send();
            }}
            data-testid="bulk-confirm"
          >
            {t('bulks:confirm.send', { count })}
          </Button>
        </Group>
        <SendAccessNote
          access={access}
          what={danger?.confirmLabel ?? t('bulks:confirm.what', { feature: featureLabel(type), count })}
          beforeAsk={check}
          onApprove={(approval) => send(approval)}
        />
      </Stack>
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
    </Paper>
  );
}
