// #/bulks/<id> — one bulk command as it goes: its figures and a progress bar moving with every vehicle (bulk.changed),
// each vehicle's line with its state, outcome, reason and a link to its own command; Cancel (asked first: vehicles
// not yet sent are cancelled, those sent keep going) and the CSV report (bulk-<id>.csv).
import { Anchor, Badge, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconDownload, IconPlayerStop } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import { useStores } from '../../app/stores-context.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { shortClockText } from '../../components/time-text.js';
import { t } from '../../i18n/index.js';
import { actorText } from '../access/access-text.js';
import { ROUTINE_ACCESS_TEXT, useRoutineAccess } from '../access/routine-access.js';
import { featureLabel } from '../remotes/features.js';
import { remoteSummary } from '../remotes/remote-summary.js';
import { BulkCounts } from './BulkCounts.js';
import { BulkItemsList } from './BulkItemsList.js';
import { BULK_STATUS_COLORS, bulkStatusLabel } from './bulk-text.js';
import { downloadText, reportFileName } from './download.js';

export function BulkView({ bulkId }: { bulkId: string }) {
  const stores = useStores();
  const bulk = useStore(stores.bulks, (s) => s.details[bulkId]);
  const readError = useStore(stores.bulks, (s) => s.detailErrors[bulkId] ?? null);
  const groupName = useStore(stores.groups, (s) =>
    bulk?.groupId ? s.items.find((g) => g.id === bulk.groupId)?.name : undefined,
  );
  const operator = useStore(stores.session, (s) => s.operator);
  const access = useRoutineAccess();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    void stores.bulks.getState().open(bulkId);
  }, [stores, bulkId]);

  async function cancel() {
    setBusy(true);
    const result = await stores.bulks.getState().cancel(bulkId, operator);
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    setAsking(false);
    setFailure(null);
    setNotice(t('bulks:view.cancelledNotice'));
  }

  async function download() {
    const result = await stores.bulks.getState().report(bulkId);
    if (!result.ok) return setFailure(result.error);
    setFailure(null);
    downloadText(result.value, reportFileName(bulkId));
    setNotice(t('bulks:view.downloaded', { file: reportFileName(bulkId) }));
  }

  if (!bulk) {
    return (
      <Stack gap="md">
        <PageHeader title={t('bulks:view.title')} />
        <ErrorSummary error={readError} />
        {readError ? (
          <Anchor href="#/bulks">{t('bulks:link.bulks')}</Anchor>
        ) : (
          <Loader aria-label={t('bulks:view.loading')} />
        )}
      </Stack>
    );
  }

  const running = bulk.status === 'running';
  // Who it went to, as the sentence's select chooses: a group (by its name), a schedule's, or the ticked vehicles.
  const when = {
    time: shortClockText(bulk.createdAt),
    target: bulk.groupId ? 'group' : bulk.scheduleId ? 'schedule' : 'vehicles',
    group: groupName ?? bulk.groupId ?? '',
  };
  const started = bulk.createdBy
    ? t('bulks:view.startedBy', { ...when, actor: actorText(bulk.createdBy) })
    : t('bulks:view.started', when);
  const ended = bulk.finishedAt ? t('bulks:view.ended', { time: shortClockText(bulk.finishedAt) }) : '';
  return (
    <Stack gap="md">
      <PageHeader
        title={t('bulks:view.heading', {
          feature: featureLabel(bulk.type),
          summary: remoteSummary(bulk.remote) || featureLabel(bulk.type),
          count: bulk.counts.total,
        })}
        description={ended ? `${started} ${ended}` : started}
        actions={
          <>
            {running ? (
              <Button
                color="red"
                variant="light"
                leftSection={<IconPlayerStop size={18} aria-hidden />}
                onClick={() => {
                  setFailure(null);
                  setAsking(true);
                }}
                disabled={!access.cancelBulk}
                title={access.cancelBulk ? undefined : ROUTINE_ACCESS_TEXT.cancelBulk}
              >
                {t('bulks:view.cancel')}
              </Button>
            ) : null}
            <Button
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
              onClick={() => void download()}
            >
              {t('bulks:view.download')}
            </Button>
          </>
        }
      />
      <Group gap="sm">
        <Badge size="lg" color={BULK_STATUS_COLORS[bulk.status]} data-testid="bulk-status">
          {bulkStatusLabel(bulk.status)}
        </Badge>
        {bulk.scheduleId ? (
          <Anchor href={`#/schedules/${encodeURIComponent(bulk.scheduleId)}`}>
            {t('bulks:view.schedule')}
          </Anchor>
        ) : null}
        <Text role="status" size="sm" c="green.9">
          {notice}
        </Text>
      </Group>
      <ErrorSummary error={asking ? null : failure} />
      <Paper withBorder p="md">
        <BulkCounts counts={bulk.counts} />
      </Paper>
      <BulkItemsList items={bulk.items} label={t('bulks:view.items')} />
      <ConfirmDialog
        opened={asking}
        title={t('bulks:view.cancelDialog.title')}
        confirmLabel={t('bulks:view.cancelDialog.confirm')}
        keepLabel={t('bulks:view.cancelDialog.keep')}
        busy={busy}
        error={failure}
        onClose={() => setAsking(false)}
        onConfirm={() => void cancel()}
      >
        <Text>
          {t('bulks:view.cancelDialog.queued', { count: bulk.counts.queued })}{' '}
          {t('bulks:view.cancelDialog.sent', { count: bulk.counts.sent })}
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
