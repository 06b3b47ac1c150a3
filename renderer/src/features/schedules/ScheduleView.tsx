// #/schedules/new and #/schedules/<id> — create a schedule, or see and change one: its next run, pause or resume,
// delete, its form, and its runs. Below a supervisor everything is shown read-only, and the page says who may.
import { Anchor, Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import { useStores } from '../../app/stores-context.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { t } from '../../i18n/index.js';
import { ROUTINE_ACCESS_TEXT, useRoutineAccess } from '../access/routine-access.js';
import { draftOf, newScheduleDraft } from './schedule-model.js';
import { scheduleStatusLabel } from './schedule-text.js';
import { siteTimeText } from './site-clock.js';
import { ScheduleForm } from './ScheduleForm.js';
import { ScheduleRuns } from './ScheduleRuns.js';
import { usePauseResume } from './SchedulesView.js';

function ReadOnlyNote() {
  const access = useRoutineAccess();
  if (access.schedules) return null;
  return (
    <Text c="dimmed" data-testid="read-only-note">
      {ROUTINE_ACCESS_TEXT.schedules}
    </Text>
  );
}

export function NewScheduleView() {
  const stores = useStores();
  const access = useRoutineAccess();
  // The vehicles ticked in the fleet when the form opened are its vehicles unless a group is chosen.
  const [initial] = useState(() => newScheduleDraft([...stores.selection.getState().selected]));
  return (
    <Stack gap="md">
      <PageHeader title={t('schedules:new.title')} description={t('schedules:new.description')} />
      <ReadOnlyNote />
      <ScheduleForm
        initial={initial}
        editable={access.schedules}
        onSaved={(schedule) =>
          stores.router.getState().navigate({ name: 'schedule', scheduleId: schedule.id })
        }
      />
    </Stack>
  );
}

export function ScheduleView({ scheduleId }: { scheduleId: string }) {
  const stores = useStores();
  const status = useStore(stores.schedules, (s) => s.status);
  const schedule = useStore(stores.schedules, (s) => s.items.find((x) => x.id === scheduleId));
  const runs = useStore(stores.schedules, (s) => s.runs[scheduleId]);
  const operator = useStore(stores.session, (s) => s.operator);
  const access = useRoutineAccess();
  const pauseResume = usePauseResume();
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [notice, setNotice] = useState('');
  const [deleting, setDeleting] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (stores.schedules.getState().status !== 'ready') void stores.schedules.getState().load();
    void stores.schedules.getState().loadRuns(scheduleId);
  }, [stores, scheduleId]);

  if (!schedule) {
    return (
      <Stack gap="md">
        <PageHeader title={t('schedules:view.title')} />
        {status === 'ready' || status === 'error' ? (
          <Text>
            {t('schedules:view.missing')} <Anchor href="#/schedules">{t('schedules:view.seeAll')}</Anchor>
          </Text>
        ) : (
          <Loader aria-label={t('schedules:view.loading')} />
        )}
      </Stack>
    );
  }

  async function remove() {
    setBusy(true);
    const result = await stores.schedules.getState().remove(scheduleId, operator);
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    stores.router.getState().navigate({ name: 'schedules' });
  }

  const running = schedule.status === 'Running';
  return (
    <Stack gap="md">
      <PageHeader
        title={schedule.name}
        description={
          schedule.nextRunAt
            ? t('schedules:view.nextRun', { at: siteTimeText(schedule.nextRunAt, schedule.timeZone) })
            : t('schedules:view.paused')
        }
        actions={
          access.schedules ? (
            <>
              <Button
                variant="default"
                leftSection={
                  running ? (
                    <IconPlayerPause size={18} aria-hidden />
                  ) : (
                    <IconPlayerPlay size={18} aria-hidden />
                  )
                }
                onClick={async () => {
                  const result = await pauseResume(schedule);
                  setFailure(result.ok ? null : result.error);
                  if (result.ok)
                    setNotice(running ? t('schedules:view.pausedNotice') : t('schedules:view.resumedNotice'));
                }}
              >
                {running ? t('schedules:action.pause') : t('schedules:action.resume')}
              </Button>
              <Button
                color="red"
                variant="light"
                leftSection={<IconTrash size={18} aria-hidden />}
                onClick={() => {
                  setFailure(null);
                  setDeleting(true);
                }}
              >
                {t('schedules:view.delete')}
              </Button>
            </>
          ) : null
        }
      />
      <Group gap="sm">
        <Badge color={running ? 'green' : 'gray'} size="lg" data-testid="schedule-status">
          {scheduleStatusLabel(schedule.status)}
        </Badge>
        <Text size="sm" c="dimmed">
          {t('schedules:view.zone', { zone: schedule.timeZone })}
        </Text>
        <Text role="status" size="sm" c="green.9">
          {notice}
        </Text>
      </Group>
      <ReadOnlyNote />
      <ErrorSummary error={deleting ? null : failure} />
      <ScheduleForm
        key={schedule.id}
        initial={draftOf(schedule)}
        schedule={schedule}
        editable={access.schedules}
        onSaved={() => setNotice(t('schedules:view.saved'))}
      />
      <ScheduleRuns runs={runs} timeZone={schedule.timeZone} />
      <ConfirmDialog
        opened={deleting}
        title={t('schedules:view.deleteDialog.title', { name: schedule.name })}
        confirmLabel={t('schedules:view.deleteDialog.confirm')}
        busy={busy}
        error={failure}
        onClose={() => setDeleting(false)}
        onConfirm={() => void remove()}
      >
        <Text>{t('schedules:view.deleteDialog.body')}</Text>
      </ConfirmDialog>
    </Stack>
  );
}
