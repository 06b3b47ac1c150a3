// "Backups" (issue 18): the daily backups' folder, how many are kept, whether they run, the passphrase (write-only),
// "Back up now", and the folder's backups with "Restore…": a confirmation that says what a restore does, asks the
// passphrase of an encrypted one, shows a refusal in words, and after the agent accepts (202) waits for it to come
// back and reloads the page. Admins only (GET /backups is theirs); others see who may use it. The list and the
// dialog live in BackupsList.tsx and RestoreDialog.tsx.
import { Button, Group, NumberInput, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconDatabaseExport, IconLock } from '@tabler/icons-react';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  BACKUP_KEEP_MAX,
  BACKUP_KEEP_MIN,
  type BackupEntryDto,
  type BackupsOverviewDto,
} from '../../../../preload/contract/backups.js';
import { asClientFailure, type ClientFailure } from '../../../../preload/contract/client.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { failureMessage } from '../../components/field-errors.js';
import { SectionHeading } from './SectionHeading.js';
import { t } from '../../i18n/index.js';
import { formatDateTime } from '../../i18n/format.js';
import { useIsAdmin } from '../access/use-access.js';
import { BackupsList } from './BackupsList.js';
import { RestoreDialog } from './RestoreDialog.js';
import { SecretInput } from '../../components/SecretInput.js';

type Now =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; name: string }
  | { state: 'failed'; error: ClientFailure };

export function BackupsPanel() {
  const admin = useIsAdmin();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="backups-title">
      <Stack gap="sm">
        <SectionHeading
          id="backups-title"
          title={t('backups:title')}
          description={t('backups:description')}
        />
        {admin ? (
          <BackupsAdmin />
        ) : (
          <Text size="sm" c="dimmed" data-testid="backups-admins-only">
            <IconLock size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {t('access:adminsOnly')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function BackupsAdmin() {
  const { client } = useStores();
  const [overview, setOverview] = useState<BackupsOverviewDto | null>(null);
  const [loadError, setLoadError] = useState<ClientFailure | null>(null);
  const [now, setNow] = useState<Now>({ state: 'idle' });
  const [restoring, setRestoring] = useState<BackupEntryDto | null>(null);

  const load = useCallback(async () => {
    try {
      setOverview(await client.getBackups());
      setLoadError(null);
    } catch (error) {
      setLoadError(asClientFailure(error));
    }
  }, [client]);
  useEffect(() => void load(), [load]);

  async function backUpNow() {
    setNow({ state: 'running' });
    try {
      const entry = await client.createBackupNow({});
      setNow({ state: 'done', name: entry.name });
    } catch (error) {
      setNow({ state: 'failed', error: asClientFailure(error) });
    }
    await load();
  }

  const last = overview?.lastResult ?? null;
  return (
    <Stack gap="md">
      <ErrorSummary error={loadError} />
      {overview ? (
        <BackupSettingsForm
          key={JSON.stringify(overview.settings)}
          overview={overview}
          onSaved={setOverview}
        />
      ) : null}
      <Group gap="sm" align="center">
        <Button
          variant="light"
          leftSection={<IconDatabaseExport size={18} aria-hidden />}
          loading={now.state === 'running' || overview?.running === true}
          onClick={() => void backUpNow()}
        >
          {t('backups:now.button')}
        </Button>
        <div role="status" aria-live="polite">
          {now.state === 'running' ? <Text size="sm">{t('backups:now.running')}</Text> : null}
          {now.state === 'done' ? <Text size="sm">{t('backups:now.done', { name: now.name })}</Text> : null}
        </div>
      </Group>
      {now.state === 'failed' ? <ErrorSummary error={now.error} title={t('backups:now.failed')} /> : null}
      {last ? (
        <Text size="sm" c={last.ok ? undefined : 'red.8'} data-testid="backups-last-result">
          {last.ok
            ? t('backups:last.ok', { at: formatDateTime(last.at), name: last.name ?? '' })
            : t('backups:last.failed', {
                at: formatDateTime(last.at),
                why: failureMessage({
                  code: last.code ?? 'INTERNAL',
                  message: last.code ?? '',
                  params: last.params,
                }),
              })}
        </Text>
      ) : null}
      {overview ? <BackupsList backups={overview.backups} onRestore={setRestoring} /> : null}
      <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />
    </Stack>
  );
}

function BackupSettingsForm({
  overview,
  onSaved,
}: {
  overview: BackupsOverviewDto;
  onSaved: (next: BackupsOverviewDto) => void;
}) {
  const { client } = useStores();
  const initial = overview.settings;
  const [folder, setFolder] = useState(initial.folder);
  const [keep, setKeep] = useState<number | string>(initial.keep);
  const [enabled, setEnabled] = useState(initial.enabled);
  const [passphrase, setPassphrase] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ClientFailure | null>(null);
  const [saved, setSaved] = useState(false);

  async function save(body: Parameters<typeof client.putBackupSettings>[0]['body']) {
    setSaving(true);
    setSaved(false);
    try {
      const next = await client.putBackupSettings({ body });
      setError(null);
      setPassphrase('');
      setSaved(true);
      onSaved(next);
    } catch (failure) {
      setError(asClientFailure(failure));
    } finally {
      setSaving(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save({
      folder: folder.trim(),
      keep: typeof keep === 'number' ? keep : Number(keep),
      enabled,
      ...(passphrase !== '' ? { passphrase } : {}),
    });
  }

  return (
    <form onSubmit={submit} aria-labelledby="backups-settings-title" noValidate>
      <Stack gap="sm" maw={720}>
        <Title order={3} size="h5" id="backups-settings-title">
          {t('backups:settings.title')}
        </Title>
        <ErrorSummary error={error} focusOnShow />
        <TextInput
          label={t('backups:settings.folder.label')}
          description={t('backups:settings.folder.description')}
          value={folder}
          onChange={(e) => setFolder(e.currentTarget.value)}
          required
        />
        <NumberInput
          label={t('backups:settings.keep.label')}
          description={t('backups:settings.keep.description')}
          value={keep}
          onChange={setKeep}
          min={BACKUP_KEEP_MIN}
          max={BACKUP_KEEP_MAX}
          allowDecimal={false}
          w={200}
        />
        <Switch
          label={t('backups:settings.enabled.label')}
          checked={enabled}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
        />
        <SecretInput
          label={
            initial.passphraseSet
              ? t('backups:settings.passphrase.replaceLabel')
              : t('backups:settings.passphrase.setLabel')
          }
          description={
            initial.passphraseSet
              ? t('backups:settings.passphrase.isSet')
              : t('backups:settings.passphrase.notSet')
          }
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          autoComplete="new-password"
        />
        <Group gap="sm">
          <Button type="submit" loading={saving}>
            {t('backups:settings.save')}
          </Button>
          {initial.passphraseSet ? (
            <Button
              variant="subtle"
              color="red"
              disabled={saving}
              onClick={() => void save({ clearPassphrase: true })}
            >
              {t('backups:settings.passphrase.clear')}
            </Button>
          ) : null}
          <div role="status" aria-live="polite">
            {saved ? <Text size="sm">{t('backups:settings.saved')}</Text> : null}
          </div>
        </Group>
      </Stack>
    </form>
  );
}
