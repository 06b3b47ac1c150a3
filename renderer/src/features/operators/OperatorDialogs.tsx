// The Operators page's dialogs: add one, change one (name, role, may sign in), set a new PIN, delete one. Each
// shows the agent's refusal itself (a name taken, the last admin) and stays open to correct it.
import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import type { OperatorDto } from '../../../../preload/contract/access.js';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import { ROLES, type Role } from '../../../../preload/contract/vocabulary.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { errorAt } from '../../components/field-errors.js';
import type { Outcome } from '../../stores/callbacks-store.js';
import type { OperatorCreateInput, OperatorUpdateInput } from '../../stores/operators-store.js';
import { t } from '../../i18n/index.js';
import { roleLabel } from '../access/access-text.js';
import { PinFields, pinDraftProblem, type PinDraft } from '../session/PinFields.js';

/** The roles to choose from, in the language shown now. */
const roleChoices = () => ROLES.map((value) => ({ value, label: roleLabel(value) }));
const EMPTY: PinDraft = { value: '', again: '' };

/** Runs one change; keeps the refusal to show, and closes on success. */
function useAttempt(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  return {
    busy,
    failure,
    reset: () => setFailure(null),
    async run<V>(change: () => Promise<Outcome<V>>) {
      setBusy(true);
      const result = await change();
      setBusy(false);
      if (result.ok) onDone();
      else setFailure(result.error);
    },
  };
}

export function CreateOperatorDialog({
  opened,
  onClose,
  onCreate,
}: {
  opened: boolean;
  onClose(): void;
  onCreate(body: OperatorCreateInput): Promise<Outcome<OperatorDto>>;
}) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('technician');
  const [credential, setCredential] = useState<'pin' | 'password'>('pin');
  const [draft, setDraft] = useState<PinDraft>(EMPTY);
  const [problem, setProblem] = useState<ReturnType<typeof pinDraftProblem>>(null);
  const attempt = useAttempt(onClose);
  useEffect(() => {
    if (!opened) return;
    setName('');
    setRole('technician');
    setCredential('pin');
    setDraft(EMPTY);
    setProblem(null);
    attempt.reset();
  }, [opened]);
  const errors = attempt.failure?.errors ?? [];
  const nameError = errorAt(errors, 'name');
  const roleError = errorAt(errors, 'role');
  return (
    <Modal opened={opened} onClose={onClose} title={t('operators:addTitle')} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const local = pinDraftProblem(draft);
          setProblem(local);
          if (local) return;
          void attempt.run(() =>
            onCreate({ name: name.trim(), role, [credential]: draft.value } as OperatorCreateInput),
          );
        }}
      >
        <Stack gap="md">
          <ErrorSummary error={attempt.failure} />
          <TextInput
            label={t('operators:name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={nameError}
            required
            data-autofocus
          />
          <Select
            label={t('operators:role')}
            data={roleChoices()}
            value={role}
            onChange={(v) => v && setRole(v as Role)}
            allowDeselect={false}
            error={roleError}
          />
          <div>
            <Text size="sm" fw={500} mb={4} id="credential-label">
              {t('operators:credential')}
            </Text>
            <SegmentedControl
              aria-labelledby="credential-label"
              data={[
                { value: 'pin', label: t('operators:credential.pin') },
                { value: 'password', label: t('operators:credential.password') },
              ]}
              value={credential}
              onChange={(v) => setCredential(v as 'pin' | 'password')}
            />
          </div>
          <PinFields
            draft={draft}
            onChange={setDraft}
            password={credential === 'password'}
            error={problem?.field === 'value' ? problem.message : errorAt(errors, credential)}
            againError={problem?.field === 'again' ? problem.message : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('operators:cancel')}
            </Button>
            <Button type="submit" loading={attempt.busy}>
              {t('operators:create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function EditOperatorDialog({
  operator,
  onClose,
  onSave,
}: {
  operator: OperatorDto | null;
  onClose(): void;
  onSave(id: string, body: OperatorUpdateInput): Promise<Outcome<OperatorDto>>;
}) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('technician');
  const [enabled, setEnabled] = useState(true);
  const attempt = useAttempt(onClose);
  useEffect(() => {
    if (!operator) return;
    setName(operator.name);
    setRole(operator.role);
    setEnabled(operator.enabled);
    attempt.reset();
  }, [operator?.id]);
  const errors = attempt.failure?.errors ?? [];
  const nameError = errorAt(errors, 'name');
  const roleError = errorAt(errors, 'role');
  return (
    <Modal
      opened={operator !== null}
      onClose={onClose}
      title={t('operators:editTitle', { name: operator?.name ?? '' })}
      centered
    >
      {operator ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            // Only what changed: an untouched field is not rewritten (nor audited as a change).
            const body: OperatorUpdateInput = {
              ...(name.trim() !== operator.name ? { name: name.trim() } : {}),
              ...(role !== operator.role ? { role } : {}),
              ...(enabled !== operator.enabled ? { enabled } : {}),
            };
            if (Object.keys(body).length === 0) return onClose();
            void attempt.run(() => onSave(operator.id, body));
          }}
        >
          <Stack gap="md">
            <ErrorSummary error={attempt.failure} />
            <TextInput
              label={t('operators:name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={nameError}
              data-autofocus
            />
            <Select
              label={t('operators:role')}
              data={roleChoices()}
              value={role}
              onChange={(v) => v && setRole(v as Role)}
              allowDeselect={false}
              error={roleError}
            />
            <Switch
              label={t('operators:enabled')}
              description={t('operators:enabledHelp')}
              checked={enabled}
              onChange={(e) => setEnabled(e.currentTarget.checked)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('operators:cancel')}
              </Button>
              <Button type="submit" loading={attempt.busy}>
                {t('operators:save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}

export function NewPinDialog({
  operator,
  onClose,
  onSave,
}: {
  operator: OperatorDto | null;
  onClose(): void;
  onSave(id: string, body: OperatorUpdateInput): Promise<Outcome<OperatorDto>>;
}) {
  const [draft, setDraft] = useState<PinDraft>(EMPTY);
  const [problem, setProblem] = useState<ReturnType<typeof pinDraftProblem>>(null);
  const attempt = useAttempt(onClose);
  useEffect(() => {
    setDraft(EMPTY);
    setProblem(null);
    attempt.reset();
  }, [operator?.id]);
  const password = operator?.credential === 'password';
  const field = password ? 'password' : 'pin';
  return (
    <Modal
      opened={operator !== null}
      onClose={onClose}
      title={t('operators:newPinTitle', { name: operator?.name ?? '' })}
      centered
    >
      {operator ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const local = pinDraftProblem(draft);
            setProblem(local);
            if (local) return;
            void attempt.run(() => onSave(operator.id, { [field]: draft.value }));
          }}
        >
          <Stack gap="md">
            <Text size="sm">{t('operators:newPinHelp')}</Text>
            <ErrorSummary error={attempt.failure} />
            <PinFields
              draft={draft}
              onChange={setDraft}
              password={password}
              error={
                problem?.field === 'value' ? problem.message : errorAt(attempt.failure?.errors ?? [], field)
              }
              againError={problem?.field === 'again' ? problem.message : undefined}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('operators:cancel')}
              </Button>
              <Button type="submit" loading={attempt.busy}>
                {t('operators:save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}

export function DeleteOperatorDialog({
  operator,
  onClose,
  onDelete,
}: {
  operator: OperatorDto | null;
  onClose(): void;
  onDelete(id: string): Promise<Outcome<void>>;
}) {
  const attempt = useAttempt(onClose);
  useEffect(() => {
    attempt.reset();
  }, [operator?.id]);
  return (
    <Modal
      opened={operator !== null}
      onClose={onClose}
      title={t('operators:deleteTitle', { name: operator?.name ?? '' })}
      centered
    >
      {operator ? (
        <Stack gap="md">
          <Text>{t('operators:deleteConsequence', { name: operator.name })}</Text>
          <ErrorSummary error={attempt.failure} />
          <Group justify="flex-end">
            {/* Cancel has the focus: Enter never deletes by accident. */}
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('operators:cancel')}
            </Button>
            <Button
              color="red"
              loading={attempt.busy}
              onClick={() => void attempt.run(() => onDelete(operator.id))}
            >
              {t('operators:deleteConfirm', { name: operator.name })}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
