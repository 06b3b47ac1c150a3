// The signed-in operator changes their own PIN (or password): the current one, then the new one twice.
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import { asClientFailure } from '../../../../preload/contract/client.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { errorAt } from '../../components/field-errors.js';
import { t } from '../../i18n/index.js';
import { PinFields, pinDraftProblem, type PinDraft } from './PinFields.js';
import { SecretInput } from '../../components/SecretInput.js';

export function ChangePinDialog({
  opened,
  password,
  onClose,
  onChanged,
}: {
  opened: boolean;
  /** The operator signs in with a password rather than a PIN. */
  password: boolean;
  onClose(): void;
  onChanged(): void;
}) {
  const stores = useStores();
  const [current, setCurrent] = useState('');
  const [draft, setDraft] = useState<PinDraft>({ value: '', again: '' });
  const [problem, setProblem] = useState<ReturnType<typeof pinDraftProblem>>(null);
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setCurrent('');
    setDraft({ value: '', again: '' });
    setProblem(null);
    setFailure(null);
  }, [opened]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const local = current ? pinDraftProblem(draft) : null;
    setProblem(local);
    setFailure(
      current
        ? null
        : {
            status: 0,
            code: 'LOCAL',
            message: t('session:required'),
            errors: [{ field: 'current', message: t('session:required') }],
          },
    );
    if (!current || local) return;
    setBusy(true);
    try {
      await stores.client.changeOwnPin({
        body: { current, ...(password ? { password: draft.value } : { pin: draft.value }) },
      });
      onChanged();
    } catch (error) {
      setFailure(asClientFailure(error));
    } finally {
      setBusy(false);
    }
  }

  const errors = failure?.errors ?? [];
  const newField = password ? 'password' : 'pin';
  const currentError = errorAt(errors, 'current');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={password ? t('session:changePassword') : t('session:changePin')}
      centered
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          {failure && failure.code !== 'LOCAL' ? <ErrorSummary error={failure} /> : null}
          <SecretInput
            label={password ? t('session:currentPassword') : t('session:currentPin')}
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={currentError}
            inputMode={password ? undefined : 'numeric'}
            autoComplete="current-password"
            data-autofocus
          />
          <PinFields
            draft={draft}
            onChange={setDraft}
            password={password}
            error={problem?.field === 'value' ? problem.message : errorAt(errors, newField)}
            againError={problem?.field === 'again' ? problem.message : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('session:cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('session:changeSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
