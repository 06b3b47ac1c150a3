// A schedule's runs, newest first: ran (with a link to the bulk command it started), missed (the agent was off past
// the grace window: nothing was sent) or could not start (why, in words). Times in the site's time zone.
import { Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ScheduleRunDto } from '../../../../preload/contract/routines.js';
import type { ScheduleRuns as Runs } from '../../stores/schedules-store.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { runReasonText, SCHEDULE_RUN_COLORS, SCHEDULE_RUN_LABELS } from '../bulks/bulk-text.js';
import { siteTimeText } from './schedule-model.js';

export function RunStatus({ run }: { run: ScheduleRunDto }) {
  return (
    <Badge color={SCHEDULE_RUN_COLORS[run.status]} variant="light" data-testid="run-status">
      {SCHEDULE_RUN_LABELS[run.status]}
    </Badge>
  );
}

export function ScheduleRuns({ runs, timeZone }: { runs: Runs | undefined; timeZone: string }) {
  return (
    <Paper withBorder p="lg" aria-labelledby="runs-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="runs-title">
          Runs
        </Title>
        <ErrorSummary error={runs?.error ?? null} />
        {!runs ? (
          <Text c="dimmed">Loading the runs…</Text>
        ) : runs.items.length === 0 ? (
          <Text c="dimmed">No run yet.</Text>
        ) : (
          <Table striped verticalSpacing="xs" aria-labelledby="runs-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Planned for</Table.Th>
                <Table.Th>Result</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th>Bulk command</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.items.map((run) => (
                <Table.Tr key={run.id} data-testid="run-row">
                  <Table.Td>{siteTimeText(run.plannedFor, timeZone)}</Table.Td>
                  <Table.Td>
                    <RunStatus run={run} />
                  </Table.Td>
                  <Table.Td data-testid="run-reason">
                    {run.status === 'missed'
                      ? `The agent was off at the planned time and started after the grace window (${siteTimeText(run.at, timeZone)}).`
                      : runReasonText(run.reason)}
                  </Table.Td>
                  <Table.Td>
                    {run.bulkId ? (
                      <Anchor href={`#/bulks/${encodeURIComponent(run.bulkId)}`}>
                        Open the bulk command
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Nothing sent
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {runs && runs.total > runs.items.length ? (
          <Text size="sm" c="dimmed">
            The {runs.items.length} most recent of {runs.total.toLocaleString()} runs.
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
