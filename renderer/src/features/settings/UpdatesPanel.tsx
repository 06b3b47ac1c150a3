// "Updates" (issue 18): the running version, the update feed (admins change it, others read it), "Check now", what
// the feed offers with its release notes (plain text, never HTML), the download's progress, and "Restart now to
// install", whose refusal (commands in flight) is said with its reason. The headless agent's browser says how the
// agent is updated instead: it never installs itself. The state follows the agent's update.changed events.
import { Alert, Button, Group, Paper, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconRefresh, IconRestore } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { asClientFailure, type ClientFailure } from '../../../../preload/contract/client.js';
import type { UpdateStatusDto } from '../../../../preload/contract/updates.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { formatDateTime } from '../../i18n/format.js';
import { SectionHeading } from './SectionHeading.js';
import { t } from '../../i18n/index.js';
import { useIsAdmin } from '../access/use-access.js';
import { updateErrorText, updateStateText } from './update-words.js';

type Failure = { what: 'feed' | 'check' | 'install'; error: ClientFailure };

export function UpdatesPanel() {
  const { client } = useStores();
  const admin = useIsAdmin();
  const [status, setStatus] = useState<UpdateStatusDto | null>(null);
  const [feed, setFeed] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState<'feed' | 'check' | 'install' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    client
      .getUpdates()
      .then((s) => {
        if (!live) return;
        setStatus(s);
        setFeed(s.feedUrl ?? '');
      })
      .catch(() => {
        // An agent without an updater (tests, tools) has nothing to show: the panel stays away.
      });
    const off = client.subscribe((event) => {
      if (event.name === 'update.changed') setStatus(event.data.update);
    });
    return () => {
      live = false;
      off();
    };
  }, [client]);

  if (!status) return null;

  async function run(what: Failure['what'], call: () => Promise<void>) {
    setBusy(what);
    setFailure(null);
    setNotice(null);
    try {
      await call();
    } catch (error) {
      setFailure({ what, error: asClientFailure(error) });
    } finally {
      setBusy(null);
    }
  }

  const saveFeed = (event: FormEvent) => {
    event.preventDefault();
    void run('feed', async () => {
      const next = await client.putUpdateSettings({ body: { feedUrl: feed } });
      setStatus(next);
      setFeed(next.feedUrl ?? '');
      setNotice(t('updates:feed.saved'));
    });
  };
  const check = () => void run('check', async () => setStatus(await client.checkForUpdates()));
  const install = () =>
    void run('install', async () => {
      const { version } = await client.installUpdate();
      setNotice(t('updates:install.started', { version }));
    });

  const { state } = status;
  const notes = state.kind === 'available' || state.kind === 'ready' ? state.notes : null;
  const canInstall = status.runtime === 'install' && state.kind === 'ready';

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="updates-title">
      <Stack gap="sm">
        <Stack gap={4} maw={720}>
          <SectionHeading
            id="updates-title"
            title={t('updates:title')}
            description={t('updates:description')}
          />
          <Text size="sm" fw={600} data-testid="updates-version">
            {t('updates:version', { version: status.currentVersion })}
          </Text>
        </Stack>

        {admin ? (
          <form onSubmit={saveFeed} aria-label={t('updates:feed.label')}>
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label={t('updates:feed.label')}
                description={t('updates:feed.help')}
                value={feed}
                onChange={(e) => setFeed(e.currentTarget.value)}
                error={
                  failure?.what === 'feed'
                    ? updateErrorText(failure.error.code, failure.error.params)
                    : undefined
                }
                w={480}
                spellCheck={false}
                autoComplete="off"
              />
              <Button type="submit" variant="light" loading={busy === 'feed'}>
                {t('updates:feed.save')}
              </Button>
            </Group>
          </form>
        ) : (
          <Text size="sm" data-testid="updates-feed">
            {status.feedUrl ? t('updates:feed.current', { url: status.feedUrl }) : t('updates:feed.none')}
          </Text>
        )}

        <Text size="sm" c="dimmed">
          {status.runtime === 'tell' ? t('updates:agent.howTo') : t('updates:desktop.howTo')}
        </Text>

        <div role="status" aria-live="polite">
          <Stack gap={4}>
            <Text size="sm" data-testid="updates-state">
              {updateStateText(state)}
            </Text>
            {status.lastCheckAt ? (
              <Text size="xs" c="dimmed">
                {t('updates:lastCheck', { time: formatDateTime(status.lastCheckAt) })}
              </Text>
            ) : null}
            {notice ? <Text size="sm">{notice}</Text> : null}
          </Stack>
        </div>

        {state.kind === 'downloading' ? (
          <Progress value={state.percent} aria-label={t('updates:progress.label')} size="lg" maw={480} />
        ) : null}

        {state.kind === 'error' ? (
          <Alert color="red" variant="light" title={t('updates:state.error')} data-testid="updates-error">
            {updateErrorText(state.code, state.params)}
          </Alert>
        ) : null}

        {notes ? (
          <Stack gap={4} maw={720}>
            <Title order={3} size="h5">
              {t('updates:notes.title')}
            </Title>
            {/* Plain text: React escapes it, so notes written as HTML are shown as written, never run. */}
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="updates-notes">
              {notes}
            </Text>
          </Stack>
        ) : null}

        {admin ? (
          <Group wrap="wrap">
            <Button
              variant="light"
              leftSection={<IconRefresh size={18} aria-hidden />}
              onClick={check}
              loading={busy === 'check' || state.kind === 'checking'}
              disabled={!status.feedUrl}
            >
              {t('updates:check')}
            </Button>
            {canInstall ? (
              <Button
                leftSection={<IconRestore size={18} aria-hidden />}
                onClick={install}
                loading={busy === 'install'}
              >
                {t('updates:install')}
              </Button>
            ) : null}
          </Group>
        ) : null}

        {failure && failure.what !== 'feed' ? (
          <ErrorSummary
            error={failure.error}
            title={failure.what === 'install' ? t('updates:install.refused') : t('updates:check.failed')}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}
