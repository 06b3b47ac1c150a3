// A fresh agent has no operators: signed in with the machine token, the shell offers to create the first admin
// (name and PIN twice), enrols this browser if it is not yet, and signs in as them.
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import { asClientFailure } from '../../../../preload/contract/client.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { errorAt } from '../../components/field-errors.js';
import { t } from '../../i18n/index.js';
import { PinFields, pinDraftProblem, type PinDraft } from './PinFields.js';

export function FirstAdminBanner() {
  const stores = useStores();
  const session = useStore(stores.session, (s) => s.session);
  const [open, setOpen] = useState(false);
  if (!session?.firstAdminNeeded || session.actor?.kind !== 'machine') return null;
  return (
    <>
      <Alert
        color="indigo"
        icon={<IconUserPlus aria-hidden />}
        title={t('session:firstAdmin.title')}
        data-testid="first-admin"
      >
        <Stack gap="xs" align="flex-start">
          {t('session:firstAdmin.text')}
          <Button onClick={() => setOpen(true)}>{t('session:firstAdmin.button')}</Button>
        </Stack>
      </Alert>
      <FirstAdminDialog opened={open} onClose={() => setOpen(false)} />
    </>
  );
}

function FirstAdminDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const stores = useStores();
  const [name, setName] = useState('');
  const [draft, setDraft] = useState<PinDraft>({ value: '', again: '' });
  const [problem, setProblem] = useState<ReturnType<typeof pinDraftProblem>>(null);
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (opened) setFailure(null);
  }, [opened]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const local = pinDraftProblem(draft);
    setProblem(local);
    if (local) return;
    setBusy(true);
    setFailure(null);
    try {
      const created = await stores.client.createOperator({
        body: { name: name.trim(), role: 'admin', pin: draft.value },
      });
      // A PIN sign-in needs an enrolled browser; the machine token may enrol this one.
      if (!stores.session.getState().session?.enrolled) await stores.client.enrolBrowser();
      const result = await stores.session.getState().switchOperator(created.id, draft.value);
      if (result.ok) onClose();
      else setFailure(result.error);
    } catch (error) {
      setFailure(asClientFailure(error));
    } finally {
      setBusy(false);
    }
  }

  const errors = failure?.errors ?? [];
  const nameError = errorAt(errors, 'name');
  const pinError = problem?.field === 'value' ? problem.message : errorAt(errors, 'pin');
  return (
    <Modal opened={opened} onClose={onClose} title={t('session:firstAdmin.button')} centered>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <ErrorSummary error={failure} />
          <TextInput
            label={t('session:firstAdmin.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={nameError}
            required
            data-autofocus
          />
          <PinFields
            draft={draft}
            onChange={setDraft}
            error={pinError}
            againError={problem?.field === 'again' ? problem.message : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('session:cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('session:firstAdmin.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
