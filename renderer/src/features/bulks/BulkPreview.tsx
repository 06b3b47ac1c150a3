// What a bulk command would do, before anything is sent (the agent's dry run): how many vehicles it would go to,
// how many it would skip and why (grouped by reason, then vehicle by vehicle), and how long sending takes at the
// pace set in Settings.
import { List, Paper, Stack, Text, Title } from '@mantine/core';
import type { BulkPlanDto } from '../../../../preload/contract/routines.js';
import type { BulkSkipReason } from '../../../../preload/contract/vocabulary.js';
import { BulkCounts } from './BulkCounts.js';
import { BulkItemsList } from './BulkItemsList.js';
import { t } from '../../i18n/index.js';
import { durationText, skipReasonLabel } from './bulk-text.js';

/** Skipped vehicles per reason, most first. */
function skippedByReason(plan: BulkPlanDto): [BulkSkipReason, number][] {
  const counts = new Map<BulkSkipReason, number>();
  for (const item of plan.items)
    if (item.state === 'skipped' && item.reason) counts.set(item.reason, (counts.get(item.reason) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

export function BulkPreview({ plan }: { plan: BulkPlanDto }) {
  const reasons = skippedByReason(plan);
  const toSend = plan.counts.queued;
  return (
    <Paper withBorder p="lg" data-testid="bulk-preview" aria-labelledby="bulk-preview-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="bulk-preview-title">
          {t('bulks:preview.title')}
        </Title>
        <Text fw={600} data-testid="preview-summary">
          {plan.counts.skipped > 0
            ? t('bulks:preview.summarySkipped', {
                sent: toSend,
                total: plan.counts.total,
                skipped: plan.counts.skipped,
              })
            : t('bulks:preview.summary', { sent: toSend, total: plan.counts.total })}{' '}
          {t('bulks:preview.duration', { duration: durationText(plan.estimatedSeconds) })}
        </Text>
        <BulkCounts counts={plan.counts} progress={false} />
        {reasons.length > 0 ? (
          <div>
            <Text fw={600}>{t('bulks:preview.skippedTitle')}</Text>
            <List size="sm" data-testid="skip-reasons">
              {reasons.map(([reason, count]) => (
                <List.Item key={reason}>
                  {t('bulks:preview.skipReason', { reason: skipReasonLabel(reason), count })}
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
        <BulkItemsList items={plan.items} label={t('bulks:preview.items')} />
      </Stack>
    </Paper>
  );
}
