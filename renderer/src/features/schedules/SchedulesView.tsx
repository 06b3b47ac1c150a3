// #/schedules — the depot's routines that run by themselves: what each sends to whom, on which days at what time,
// its next run (in the site's time zone), whether it is active, and how its last run went. Supervisors and admins
// create, change, pause and resume them; others see them read-only.
import { Anchor, Badge, Button, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import type { ScheduleDto } from '../../../../preload/contract/routines.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { t } from '../../i18n/index.js';
import { ROUTINE_ACCESS_TEXT, useRoutineAccess } from '../access/routine-access.js';
import { featureLabel } from '../remotes/features.js';
import { remoteSummary } from '../remotes/remote-summary.js';
import { daysText } from './schedule-model.js';
import { scheduleStatusLabel } from './schedule-text.js';
import { siteTimeText } from './site-clock.js';
import { RunStatus } from './ScheduleRuns.js';

/** Pause or resume from the list; answers the refusal to show. */
export function usePauseResume() {
  const stores = useStores();
  const operator = useStore(stores.session, (s) => s.operator);
  return (schedule: ScheduleDto) =>
    stores.schedules
      .getState()
      .setStatus(schedule.id, schedule.status === 'Running' ? 'Paused' : 'Running', operator);
}

export function SchedulesView() {
  const stores = useStores();
  const { status, items, error } = useStore(stores.schedules);
  const groups = useStore(stores.groups, (s) => s.items);
  const access = useRoutineAccess();
  const pauseResume = usePauseResume();
  const [failure, setFailure] = useState<ClientFailure | null>(null);

  useEffect(() => {
    void stores.schedules.getState().load();
    if (stores.groups.getState().status === 'idle') void stores.groups.getState().load();
  }, [stores]);

  const targetText = (s: ScheduleDto) =>
    s.groupId
      ? t('schedules:list.target.group', { name: groups.find((g) => g.id === s.groupId)?.name ?? s.groupId })
      : t('schedules:list.target.vehicles', { count: s.vehicleIds?.length ?? 0 });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('schedules:list.title')}
        description={t('schedules:list.description')}
        actions={
          <Button
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => stores.router.getState().navigate({ name: 'schedule-new' })}
            disabled={!access.schedules}
          >
            {t('schedules:new.title')}
          </Button>
        }
      />
      {access.schedules ? null : (
        <Text c="dimmed" data-testid="read-only-note">
          {ROUTINE_ACCESS_TEXT.schedules}
        </Text>
      )}
      <ErrorSummary error={error ?? failure} />
      {status === 'idle' || status === 'loading' ? (
        <Loader aria-label={t('schedules:list.loading')} />
      ) : items.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>{t('schedules:list.empty')}</Text>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('schedules:list.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('schedules:list.column.name')}</Table.Th>
                <Table.Th>{t('schedules:list.column.sends')}</Table.Th>
                <Table.Th>{t('schedules:list.column.when')}</Table.Th>
                <Table.Th>{t('schedules:list.column.next')}</Table.Th>
                <Table.Th>{t('schedules:list.column.status')}</Table.Th>
                <Table.Th>{t('schedules:list.column.last')}</Table.Th>
                <Table.Th>{t('schedules:list.column.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id} data-testid="schedule-row">
                  <Table.Td>
                    <Anchor href={`#/schedules/${encodeURIComponent(s.id)}`} fw={700}>
                      {s.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {featureLabel(s.type)}
                    {remoteSummary(s.remote) ? ` · ${remoteSummary(s.remote)}` : ''}
                    <Text size="xs" c="dimmed">
                      {targetText(s)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {t('schedules:list.when', { days: daysText(s.rule.days), time: s.rule.time })}
                  </Table.Td>
                  <Table.Td data-testid="next-run">
                    {s.nextRunAt ? siteTimeText(s.nextRunAt, s.timeZone) : t('schedules:list.notPlanned')}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={s.status === 'Running' ? 'green' : 'gray'} variant="light">
                      {scheduleStatusLabel(s.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {s.lastRun ? (
                      <Group gap={6} wrap="nowrap">
                        <RunStatus run={s.lastRun} />
                        <Text size="xs">{siteTimeText(s.lastRun.plannedFor, s.timeZone)}</Text>
                      </Group>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('schedules:list.notRun')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {access.schedules ? (
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={
                          s.status === 'Running' ? (
                            <IconPlayerPause size={14} aria-hidden />
                          ) : (
                            <IconPlayerPlay size={14} aria-hidden />
                          )
                        }
                        aria-label={
                          s.status === 'Running'
                            ? t('schedules:list.pauseLabel', { name: s.name })
                            : t('schedules:list.resumeLabel', { name: s.name })
                        }
                        onClick={async () => {
                          const result = await pauseResume(s);
                          setFailure(result.ok ? null : result.error);
                        }}
                      >
                        {s.status === 'Running' ? t('schedules:action.pause') : t('schedules:action.resume')}
                      </Button>
                    ) : (
                      <Anchor href={`#/schedules/${encodeURIComponent(s.id)}`} size="sm">
                        {t('schedules:list.view')}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
