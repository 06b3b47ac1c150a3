// A schedule's runs, newest first: ran (with a link to the bulk command it started), missed (the agent was off past
// the grace window: nothing was sent) or could not start (why, in words). Times in the site's time zone.
import { Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ScheduleRunDto } from '../../../../preload/contract/routines.js';
import type { ScheduleRuns as Runs } from '../../stores/schedules-store.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { t } from '../../i18n/index.js';
import { runReasonText, SCHEDULE_RUN_COLORS, scheduleRunLabel } from './schedule-text.js';
import { siteTimeText } from './site-clock.js';

export function RunStatus({ run }: { run: ScheduleRunDto }) {
  return (
    <Badge color={SCHEDULE_RUN_COLORS[run.status]} variant="light" data-testid="run-status">
      {scheduleRunLabel(run.status)}
    </Badge>
  );
}

export function ScheduleRuns({ runs, timeZone }: { runs: Runs | undefined; timeZone: string }) {
  return (
    <Paper withBorder p="lg" aria-labelledby="runs-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="runs-title">
          {t('schedules:runs.title')}
        </Title>
        <ErrorSummary error={runs?.error ?? null} />
        {!runs ? (
          <Text c="dimmed">{t('schedules:runs.loading')}</Text>
        ) : runs.items.length === 0 ? (
          <Text c="dimmed">{t('schedules:runs.none')}</Text>
        ) : (
          <Table striped verticalSpacing="xs" aria-labelledby="runs-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('schedules:runs.column.planned')}</Table.Th>
                <Table.Th>{t('schedules:runs.column.result')}</Table.Th>
                <Table.Th>{t('schedules:runs.column.why')}</Table.Th>
                <Table.Th>{t('schedules:runs.column.bulk')}</Table.Th>
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
                      ? t('schedules:runs.missed', { at: siteTimeText(run.at, timeZone) })
                      : runReasonText(run.reason)}
                  </Table.Td>
                  <Table.Td>
                    {run.bulkId ? (
                      <Anchor href={`#/bulks/${encodeURIComponent(run.bulkId)}`}>
                        {t('schedules:runs.openBulk')}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('schedules:runs.nothingSent')}
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
            {t('schedules:runs.recent', { shown: runs.items.length, total: runs.total })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
