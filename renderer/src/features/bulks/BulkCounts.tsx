// A bulk command's figures: how many vehicles in each state, and a bar of how many are settled (nothing changes
// them any more). The bar is a real progressbar with its value in words, so it is read out as well as seen.
import { Group, Paper, Progress, Stack, Text } from '@mantine/core';
import type { BulkCountsDto } from '../../../../preload/contract/routines.js';
import { BULK_ITEM_STATES } from '../../../../preload/contract/vocabulary.js';
import { formatNumber, formatPercent } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { BULK_ITEM_STATE_COLORS, bulkItemStateLabel, settledCount } from './bulk-text.js';

export function BulkCounts({ counts, progress = true }: { counts: BulkCountsDto; progress?: boolean }) {
  const settled = settledCount(counts);
  const share = counts.total > 0 ? settled / counts.total : 1;
  return (
    <Stack gap="sm">
      <Group gap="md" wrap="wrap" data-testid="bulk-counts">
        <Paper withBorder px="md" py={6}>
          <Text size="xs" c="dimmed">
            {t('bulks:counts.total')}
          </Text>
          <Text fw={800} size="lg" data-testid="count-total">
            {formatNumber(counts.total)}
          </Text>
        </Paper>
        {BULK_ITEM_STATES.map((state) => (
          <Paper
            withBorder
            px="md"
            py={6}
            key={state}
            style={{ borderLeft: `4px solid var(--mantine-color-${BULK_ITEM_STATE_COLORS[state]}-6)` }}
          >
            <Text size="xs" c="dimmed">
              {bulkItemStateLabel(state)}
            </Text>
            <Text fw={800} size="lg" data-testid={`count-${state}`}>
              {formatNumber(counts[state])}
            </Text>
          </Paper>
        ))}
      </Group>
      {progress ? (
        <Stack gap={4}>
          <Text size="sm">
            {t('bulks:counts.settled', { settled, total: counts.total, percent: formatPercent(share) })}
          </Text>
          <Progress
            value={Math.round(share * 100)}
            size="lg"
            aria-label={t('bulks:counts.settledLabel', { settled, total: counts.total })}
            data-testid="bulk-progress"
          />
        </Stack>
      ) : null}
    </Stack>
  );
}
