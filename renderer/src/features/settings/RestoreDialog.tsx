// "Restore…": what a restore does (the agent stops its work, the data since that backup is replaced, the current
// files are kept aside, everyone signs in again), the passphrase of an encrypted backup, the refusal in words
// (wrong passphrase, damaged, too new: nothing changed), and once accepted "restarting" until the agent answers
// again, then the page reloads.
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import type { BackupEntryDto } from '../../../../preload/contract/backups.js';
import { asClientFailure, type ClientFailure } from '../../../../preload/contract/client.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { t } from '../../i18n/index.js';
import { formatDateTime } from '../../i18n/format.js';
import { SecretInput } from '../../components/SecretInput.js';

type Phase = { state: 'confirm' } | { state: 'sending' } | { state: 'restarting' };

/** How often the page asks whether the agent is back. */
const POLL_MS = 1000;
/** Answering this long after the 202 without a miss seen: it went down and came back between two looks. */
const ASSUME_RESTARTED_MS = 6000;

export function RestoreDialog({ backup, onClose }: { backup: BackupEntryDto | null; onClose: () => void }) {
  const { client } = useStores();
  const [phase, setPhase] = useState<Phase>({ state: 'confirm' });
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<ClientFailure | null>(null);

  useEffect(() => {
    setPhase({ state: 'confirm' });
    setPassphrase('');
    setError(null);
  }, [backup]);

  // After 202 the agent stops, restores and starts again: reload once it answers (the health check is public).
  useEffect(() => {
    if (phase.state !== 'restarting') return;
    let sawDown = false;
    let cancelled = false;
    const since = Date.now();
    const timer = setInterval(() => {
      client.health().then(
        () => {
          // Down then up; or up after a while (a small database restores between two looks).
          if (!cancelled && (sawDown || Date.now() - since > ASSUME_RESTARTED_MS)) window.location.reload();
        },
        () => {
          sawDown = true;
        },
      );
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [phase.state, client]);

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!backup) return;
    setPhase({ state: 'sending' });
    setError(null);
    try {
      await client.restoreFromBackup({
        name: backup.name,
        body: backup.encrypted && passphrase !== '' ? { passphrase } : {},
      });
      setPhase({ state: 'restarting' });
    } catch (failure) {
      setError(asClientFailure(failure));
      setPhase({ state: 'confirm' });
    }
  }

  const restarting = phase.state === 'restarting';
  return (
    <Modal
      opened={backup !== null}
      onClose={restarting ? () => {} : onClose}
      withCloseButton={!restarting}
      closeOnEscape={!restarting}
      closeOnClickOutside={!restarting}
      title={t('backups:restore.title')}
      size="lg"
    >
      {backup && restarting ? (
        <Alert color="blue" role="status" aria-live="polite" data-testid="backups-restarting">
          {t('backups:restore.restarting')}
        </Alert>
      ) : null}
      {backup && !restarting ? (
        <form onSubmit={(e) => void confirm(e)} noValidate>
          <Stack gap="sm">
            <Text size="sm" fw={600}>
              {t('backups:restore.which', { taken: formatDateTime(backup.createdAt), name: backup.name })}
            </Text>
            <List size="sm" spacing={4}>
              <List.Item>{t('backups:restore.effect.stop')}</List.Item>
              <List.Item>{t('backups:restore.effect.replace')}</List.Item>
              <List.Item>{t('backups:restore.effect.keptAside')}</List.Item>
              <List.Item>{t('backups:restore.effect.signIn')}</List.Item>
            </List>
            {backup.encrypted ? (
              <SecretInput
                label={t('backups:restore.passphrase.label')}
                description={t('backups:restore.passphrase.description')}
                value={passphrase}
                onChange={(e) => setPassphrase(e.currentTarget.value)}
                required
                data-autofocus
                autoComplete="off"
              />
            ) : null}
            <ErrorSummary error={error} title={t('backups:restore.refused')} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose} disabled={phase.state === 'sending'}>
                {t('backups:restore.cancel')}
              </Button>
              <Button type="submit" color="red" loading={phase.state === 'sending'}>
                {t('backups:restore.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
