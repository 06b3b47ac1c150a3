// A bulk command's figures: how many vehicles in each state, and a bar of how many are settled (nothing changes
// them any more). The bar is a real progressbar with its value in words, so it is read out as well as seen.
import { Group, Paper, Progress, Stack, Text } from '@mantine/core';
import type { BulkCountsDto } from '../../../../preload/contract/routines.js';
import { BULK_ITEM_STATES } from '../../../../preload/contract/vocabulary.js';
import { BULK_ITEM_STATE_COLORS, BULK_ITEM_STATE_LABELS, settledCount } from './bulk-text.js';

export function BulkCounts({ counts, progress = true }: { counts: BulkCountsDto; progress?: boolean }) {
  const settled = settledCount(counts);
  const percent = counts.total > 0 ? Math.round((settled / counts.total) * 100) : 100;
  return (
    <Stack gap="sm">
      <Group gap="md" wrap="wrap" data-testid="bulk-counts">
        <Paper withBorder px="md" py={6}>
          <Text size="xs" c="dimmed">
            Vehicles
          </Text>
          <Text fw={800} size="lg" data-testid="count-total">
            {counts.total.toLocaleString()}
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
              {BULK_ITEM_STATE_LABELS[state]}
            </Text>
            <Text fw={800} size="lg" data-testid={`count-${state}`}>
              {counts[state].toLocaleString()}
            </Text>
          </Paper>
        ))}
      </Group>
      {progress ? (
        <Stack gap={4}>
          <Text size="sm">
            {settled.toLocaleString()} of {counts.total.toLocaleString()} vehicles settled ({percent}%)
          </Text>
          <Progress
            value={percent}
            size="lg"
            aria-label={`${settled.toLocaleString()} of ${counts.total.toLocaleString()} vehicles settled`}
            data-testid="bulk-progress"
          />
        </Stack>
      ) : null}
    </Stack>
  );
}
