// #/groups/<id>/send and #/bulks/new — one command to many vehicles: a group, or the vehicles ticked in the fleet.
// Choose the command (the vehicle page's own forms) and the callback, Preview (the agent's dry run: who would be sent,
// who skipped and why, how long), then Confirm — with the typed reason, the operator and a second confirmation for
// Immobilization and Stolen, as a single send has. A change to the command after the preview asks for a new one:
// what is confirmed is what was previewed. Once started, the bulk's own page follows it.
import { Anchor, Button, Checkbox, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import type { BulkPlanDto } from '../../../../preload/contract/routines.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import type { FieldError } from '../../components/field-errors.js';
import { PageHeader } from '../../components/PageHeader.js';
import { t } from '../../i18n/index.js';
import type { Approval } from '../access/ApprovalDialog.js';
import { preferredCallbackId } from '../remotes/CallbackPicker.js';
import type { RemoteType } from '../remotes/features.js';
import { type Drafts, initialDrafts, localErrors, remoteBody } from '../remotes/models/remote-draft.js';
import { queuedOnlyWhenAsked } from '../remotes/queue-rules.js';
import type { BulkInput } from '../../stores/bulks-store.js';
import { BulkConfirm } from './BulkConfirm.js';
import { BulkPreview } from './BulkPreview.js';
import { RemoteChooser } from './RemoteChooser.js';

const LOCAL = (errors: FieldError[]): ClientFailure => ({
  status: 0,
  code: 'LOCAL',
  message: t('bulks:form.checkFields'),
  errors,
});

export function BulkComposeView({ groupId }: { groupId?: string | undefined }) {
  const stores = useStores();
  const callbacks = useStore(stores.callbacks, (s) => s.items);
  const groupsStatus = useStore(stores.groups, (s) => s.status);
  const group = useStore(stores.groups, (s) => (groupId ? s.items.find((g) => g.id === groupId) : undefined));
  const selected = useStore(stores.selection, (s) => s.selected);
  const [type, setType] = useState<RemoteType>('Doors');
  const [drafts, setDrafts] = useState<Drafts>(initialDrafts);
  const [label, setLabel] = useState('');
  const [callbackId, setCallbackId] = useState<string | null>(null);
  const [queueBusy, setQueueBusy] = useState(false);
  const [plan, setPlan] = useState<{ key: string; value: BulkPlanDto } | null>(null);
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (groupId && stores.groups.getState().status === 'idle') void stores.groups.getState().load();
  }, [stores, groupId]);

  // The vehicles ticked when the page opened: ticking more in another tab does not change what was previewed.
  const [vehicleIds] = useState(() => [...selected]);
  const chosen =
    callbackId && callbacks.some((c) => c.id === callbackId && c.status === 'Running')
      ? callbackId
      : preferredCallbackId(callbacks, type);
  const remote = remoteBody(type, drafts[type], label);
  const whenAsked = queuedOnlyWhenAsked(type, remote);
  const input: BulkInput = {
    body: {
      remote,
      ...(chosen ? { callbackId: chosen } : {}),
      ...(groupId ? { groupId } : { vehicleIds }),
    },
    ...(whenAsked && queueBusy ? { whenBusy: 'queue' as const } : {}),
  };
  // What the preview was for, as text: the same command rebuilt on the next render is the same key.
  const key = JSON.stringify(input);
  const current = plan?.key === key ? plan.value : null;

  async function preview(event: React.FormEvent) {
    event.preventDefault();
    const problems = localErrors(type, drafts[type]);
    if (problems.length > 0) return setFailure(LOCAL(problems));
    setBusy(true);
    const result = await stores.bulks.getState().plan(input);
    setBusy(false);
    setFailure(result.ok ? null : result.error);
    setPlan(result.ok ? { key, value: result.value } : null);
  }

  /** Starts it (with a supervisor's approval when given); answers the refusal, or null once started. */
  async function start(extra: {
    reason?: string;
    operator?: string;
    approval?: Approval;
  }): Promise<ClientFailure | null> {
    const result = await stores.bulks.getState().start({
      ...input,
      ...(extra.reason ? { reason: extra.reason } : {}),
      ...(extra.operator ? { operator: extra.operator } : {}),
      ...extra.approval,
    });
    if (!result.ok) return result.error;
    // Sent to these: the ticks have done their job.
    if (!groupId) stores.selection.getState().clear();
    stores.router.getState().navigate({ name: 'bulk', bulkId: result.value.bulkId });
    return null;
  }

  if (groupId && !group) {
    return (
      <Stack gap="md">
        <PageHeader title={t('bulks:compose.title.someGroup')} />
        {groupsStatus === 'ready' || groupsStatus === 'error' ? (
          <Text>
            {t('bulks:compose.groupMissing')} <Anchor href="#/groups">{t('bulks:link.groups')}</Anchor>
          </Text>
        ) : (
          <Loader aria-label={t('bulks:compose.loadingGroup')} />
        )}
      </Stack>
    );
  }
  if (!groupId && vehicleIds.length === 0) {
    return (
      <Stack gap="md">
        <PageHeader title={t('bulks:compose.title.noneSelected')} />
        <Text>{t('bulks:compose.noneSelected')}</Text>
        <Group gap="lg">
          <Anchor href="#/vehicles">{t('bulks:link.fleet')}</Anchor>
          <Anchor href="#/groups">{t('bulks:link.groups')}</Anchor>
        </Group>
      </Stack>
    );
  }

  const previewFirst = t('bulks:compose.previewFirst');
  return (
    <Stack gap="md">
      <PageHeader
        title={
          group
            ? t('bulks:compose.title.group', { name: group.name })
            : t('bulks:compose.title.selected', { count: vehicleIds.length })
        }
        description={
          group
            ? `${t('bulks:compose.groupSize', { count: group.vehicleIds.length })} ${previewFirst}`
            : previewFirst
        }
      />
      <Paper
        withBorder
        p="lg"
        component="form"
        onSubmit={preview}
        noValidate
        aria-label={t('bulks:compose.form')}
      >
        <Stack gap="md">
          <ErrorSummary error={failure} focusOnShow />
          <RemoteChooser
            type={type}
            onType={setType}
            drafts={drafts}
            onDrafts={setDrafts}
            callbacks={callbacks}
            callbackId={chosen}
            onCallback={setCallbackId}
            label={label}
            onLabel={setLabel}
            errors={failure?.errors ?? []}
          />
          {whenAsked ? (
            <Checkbox
              label={t('bulks:compose.queueBusy')}
              checked={queueBusy}
              onChange={(e) => setQueueBusy(e.currentTarget.checked)}
            />
          ) : null}
          <div>
            <Button
              type="submit"
              size="md"
              variant={current ? 'default' : 'filled'}
              leftSection={<IconEye size={18} aria-hidden />}
              loading={busy}
              disabled={!chosen}
            >
              {t('bulks:compose.preview')}
            </Button>
          </div>
          {plan && !current ? (
            <Text c="orange.9" fw={600} role="status">
              {t('bulks:compose.stale')}
            </Text>
          ) : null}
        </Stack>
      </Paper>
      {current ? (
        <>
          <BulkPreview plan={current} />
          <BulkConfirm key={key} type={type} drafts={drafts} remote={remote} plan={current} onStart={start} />
        </>
      ) : null}
    </Stack>
  );
}
