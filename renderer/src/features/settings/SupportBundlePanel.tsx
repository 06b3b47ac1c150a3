// "Support bundle" (issue 18): saves the agent's support bundle (GET /api/v1/diagnostics, what
// `npm run agent -- diagnostics` writes) as one JSON file. Admins only: it shows the site's settings and its log;
// others see the button disabled and who may use it (AdminsOnlyNote's words).
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconLifebuoy, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { asClientFailure, type ClientFailure } from '../../../../preload/contract/client.js';
import { supportBundleFileName } from '../../../../preload/contract/diagnostics.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SectionHeading } from './SectionHeading.js';
import { t } from '../../i18n/index.js';
import { useIsAdmin } from '../access/use-access.js';
import { downloadText } from '../bulks/download.js';

type Outcome =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; file: string; integrityOk: boolean }
  | { state: 'failed'; error: ClientFailure };

export function SupportBundlePanel() {
  const { client } = useStores();
  const admin = useIsAdmin();
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });

  async function download() {
    setOutcome({ state: 'saving' });
    try {
      const bundle = await client.getDiagnostics();
      const file = supportBundleFileName(bundle.createdAt);
      downloadText(`${JSON.stringify(bundle, null, 2)}\n`, file, 'application/json;charset=utf-8');
      // No database is no integrity problem: a new agent's folder has none yet.
      const integrity = (bundle.database as { integrity?: { ok?: boolean } }).integrity;
      setOutcome({ state: 'saved', file, integrityOk: integrity?.ok !== false });
    } catch (error) {
      setOutcome({ state: 'failed', error: asClientFailure(error) });
    }
  }

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="support-bundle-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <SectionHeading
            id="support-bundle-title"
            title={t('settings:support.title')}
            description={t('settings:support.description')}
            maw={640}
          />
          <Button
            variant="light"
            leftSection={<IconLifebuoy size={18} aria-hidden />}
            loading={outcome.state === 'saving'}
            disabled={!admin}
            aria-describedby={admin ? undefined : 'support-bundle-admins'}
            onClick={() => void download()}
          >
            {t('settings:support.download')}
          </Button>
        </Group>
        {admin ? null : (
          // AdminsOnlyNote's words, under a test id of its own: the page's form may show that note too.
          <Text size="sm" c="dimmed" id="support-bundle-admins" data-testid="support-bundle-admins-only">
            <IconLock size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {t('access:adminsOnly')}
          </Text>
        )}
        <div role="status" aria-live="polite">
          {outcome.state === 'saved' ? (
            <Stack gap={4}>
              <Text size="sm">{t('settings:support.saved', { file: outcome.file })}</Text>
              {outcome.integrityOk ? null : (
                <Text size="sm" c="red.8" fw={600}>
                  {t('settings:support.integrityProblem')}
                </Text>
              )}
            </Stack>
          ) : null}
        </div>
        {outcome.state === 'failed' ? (
          <ErrorSummary error={outcome.error} title={t('settings:support.failed')} />
        ) : null}
      </Stack>
    </Paper>
  );
}
