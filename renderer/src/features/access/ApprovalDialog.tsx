// A supervisor (or whoever the policy names) approves one command on a technician's screen: they pick their name
// and type their own PIN; the command goes out with X-Depot-Approver / X-Depot-Approver-Pin. A wrong PIN or a lock
// is said here and nothing is sent; the dialog stays open to try again.
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import { roleAtLeast, type Role } from '../../../../preload/contract/vocabulary.js';
import { useStores } from '../../app/stores-context.js';
import { errorAt, failureMessage } from '../../components/field-errors.js';
import { t } from '../../i18n/index.js';
import { roleLabel } from './access-text.js';
import { SecretInput } from '../../components/SecretInput.js';

export interface Approval {
  approver: string;
  approverPin: string;
}

/** The approver's PIN refusal is named by the header's field, or by `pin` (the sign-in's own check). */
const PIN_FIELDS = ['x-depot-approver-pin', 'pin', 'approverPin'];
const APPROVER_FIELDS = ['x-depot-approver', 'operator', 'approver'];

/**
 * A refusal of the approval itself (wrong or locked PIN, an approver whose role is not enough, the approver
 * unknown), as opposed to one of the command (a field, a command already in flight), which the form shows.
 */
export function isApprovalRefusal(failure: ClientFailure): boolean {
  const fields = [...PIN_FIELDS, ...APPROVER_FIELDS];
  return (
    [401, 403, 429].includes(failure.status) ||
    failure.errors.some((e) => fields.some((f) => f.toLowerCase() === e.field.toLowerCase()))
  );
}

export function ApprovalDialog({
  opened,
  needed,
  what,
  onApprove,
  onCancel,
}: {
  opened: boolean;
  needed: Role;
  /** The command in a few words, e.g. "Immobilize Van 01". */
  what: string;
  /** Sends the command with the approval; answers the refusal to show, or null once sent. */
  onApprove(approval: Approval): Promise<ClientFailure | null>;
  onCancel(): void;
}) {
  const stores = useStores();
  const team = useStore(stores.team);
  const me = useStore(stores.session, (s) => s.session?.actor?.id ?? null);
  const [approver, setApprover] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [missing, setMissing] = useState<{ approver?: string; pin?: string }>({});
  const pinRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!opened) return;
    setPin('');
    setFailure(null);
    setMissing({});
    void stores.team.getState().load();
  }, [opened, stores]);

  const eligible = team.items.filter((m) => m.id !== me && roleAtLeast(m.role, needed));
  const chosen = eligible.some((m) => m.id === approver) ? approver : (eligible[0]?.id ?? null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    // React carries events up its own tree, through the portal: the send form around this note must not submit too.
    event.stopPropagation();
    const problems = {
      ...(chosen ? {} : { approver: t('access:approve.chooseApprover') }),
      ...(pin ? {} : { pin: t('access:approve.typePin') }),
    };
    setMissing(problems);
    if (!chosen || !pin) return;
    setBusy(true);
    const refusal = await onApprove({ approver: chosen, approverPin: pin });
    setBusy(false);
    setFailure(refusal);
    if (refusal) {
      setPin('');
      pinRef.current?.focus();
    }
  }

  const fieldError = (fields: string[]) =>
    fields.map((f) => errorAt(failure?.errors ?? [], f)).find(Boolean) ?? undefined;
  const pinError = missing.pin ?? fieldError(PIN_FIELDS);
  const approverError = missing.approver ?? fieldError(APPROVER_FIELDS);
  // The message itself, unless a field already says it.
  const general = failure && !pinError && !approverError ? failure.message : null;

  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      title={
        <Group gap="xs">
          <IconShieldCheck aria-hidden />
          <Text fw={700} size="lg">
            {t('access:approve.title', { role: needed })}
          </Text>
        </Group>
      }
      centered
      size="lg"
    >
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="approval-dialog">
        <Stack gap="md">
          <Text>{t('access:approve.intro', { what, role: needed })}</Text>
          {team.status === 'ready' && eligible.length === 0 ? (
            <Alert color="orange">{t('access:approve.noApprover', { role: needed })}</Alert>
          ) : null}
          {team.status === 'error' && team.error ? (
            <Alert color="red">{failureMessage(team.error)}</Alert>
          ) : null}
          {general ? (
            <Alert color="red" role="alert" data-testid="approval-error">
              {general}
            </Alert>
          ) : null}
          <Select
            label={t('access:approve.approver')}
            data={eligible.map((m) => ({
              value: m.id,
              label: t('access:approve.approverOption', { name: m.name, role: roleLabel(m.role) }),
            }))}
            value={chosen}
            onChange={(v) => {
              setApprover(v);
              pinRef.current?.focus();
            }}
            allowDeselect={false}
            error={approverError}
            data-autofocus
          />
          <SecretInput
            ref={pinRef}
            label={t('access:approve.pin')}
            value={pin}
            onChange={(e) => setPin(e.currentTarget.value)}
            error={pinError}
            autoComplete="off"
            inputMode="numeric"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('access:approve.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={eligible.length === 0}>
              {t('access:approve.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
