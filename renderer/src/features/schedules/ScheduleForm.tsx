// A schedule's form, to create or change one: its name, the command (the vehicle page's forms, without
// Immobilization and Stolen, which cannot be scheduled), a group or the vehicles ticked in the fleet, the days as
// toggle buttons and the time (HH:MM, the site's time zone). Checked here first, then by the agent; both sets of
// messages sit under their fields. Read-only below a supervisor: the fields are shown, not editable.
import { Button, Group, Paper, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import type { ScheduleDto } from '../../../../preload/contract/routines.js';
import { NAME_MAX_LENGTH } from '../../../../preload/contract/vocabulary.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary, useLocalFailure } from '../../components/ErrorSummary.js';
import { errorAt, errorUnder, type FieldError } from '../../components/field-errors.js';
import { t } from '../../i18n/index.js';
import { RemoteChooser } from '../bulks/RemoteChooser.js';
import { eligibleCallbacks, preferredCallbackId } from '../remotes/CallbackPicker.js';
import { featureLabel } from '../remotes/features.js';
import { remoteSummary } from '../remotes/remote-summary.js';
import { type ScheduleDraft, SCHEDULABLE_TYPES, scheduleBody, scheduleErrors } from './schedule-model.js';
import { WeekdayToggles } from './WeekdayToggles.js';

export function ScheduleForm({
  initial,
  schedule,
  editable,
  onSaved,
}: {
  initial: ScheduleDraft;
  /** The schedule being changed; none: a new one. */
  schedule?: ScheduleDto | undefined;
  editable: boolean;
  onSaved(schedule: ScheduleDto): void;
}) {
  const stores = useStores();
  const callbacks = useStore(stores.callbacks, (s) => s.items);
  const groups = useStore(stores.groups, (s) => s.items);
  const selected = useStore(stores.selection, (s) => s.selected);
  const operator = useStore(stores.session, (s) => s.operator);
  const siteZone = useStore(stores.settings, (s) => s.settings?.routines?.timeZone);
  const [draft, setDraft] = useState<ScheduleDraft>(initial);
  const [local, setLocal] = useState<FieldError[]>([]);
  const localFailure = useLocalFailure(local);
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<ScheduleDraft>) => setDraft((d) => ({ ...d, ...change }));
  const errors = [...local, ...(failure?.errors ?? [])];
  const timeZone = schedule?.timeZone ?? siteZone;
  // Each field's message (the form's own check, else the agent's), by the path the API names it.
  const fieldError = {
    name: errorAt(errors, 'name'),
    remote: errorAt(errors, 'remote'),
    groupId: errorAt(errors, 'groupId'),
    vehicleIds: errorUnder(errors, 'vehicleIds'),
    days: errorUnder(errors, 'rule.days'),
    time: errorAt(errors, 'rule.time'),
  };

  useEffect(() => {
    if (stores.groups.getState().status === 'idle') void stores.groups.getState().load();
    if (stores.settings.getState().status === 'idle') void stores.settings.getState().load();
  }, [stores]);

  // The one chosen (or saved) while it can take this feature; else the built-in one, as a single send picks.
  const callbackId = eligibleCallbacks(callbacks, draft.type).some(
    (c) => c.id === draft.callbackId && c.status === 'Running',
  )
    ? draft.callbackId
    : preferredCallbackId(callbacks, draft.type);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const withCallback = { ...draft, callbackId };
    const problems = scheduleErrors(withCallback);
    setLocal(problems);
    setFailure(null);
    if (problems.length > 0) return;
    setBusy(true);
    const body = scheduleBody(withCallback);
    const result = schedule
      ? await stores.schedules.getState().replace(schedule.id, body, operator)
      : await stores.schedules.getState().create(body, operator);
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    onSaved(result.value);
  }

  return (
    <Paper
      withBorder
      p="lg"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t('schedules:form.region')}
    >
      <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="lg">
          <ErrorSummary error={localFailure} focusOnShow />
          <ErrorSummary error={failure} focusOnShow />
          <TextInput
            label={t('schedules:form.name')}
            placeholder={t('schedules:form.namePlaceholder')}
            maxLength={NAME_MAX_LENGTH}
            value={draft.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={fieldError.name}
            maw={420}
            data-autofocus
          />
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('schedules:form.command')}
            </Title>
            {draft.savedRemote ? (
              <Group gap="md">
                <Text data-testid="saved-remote">
                  {featureLabel(draft.type)}
                  {remoteSummary(draft.savedRemote) ? ` · ${remoteSummary(draft.savedRemote)}` : ''}
                </Text>
                {editable ? (
                  <Button variant="default" size="xs" onClick={() => set({ savedRemote: null })}>
                    {t('schedules:form.changeCommand')}
                  </Button>
                ) : null}
              </Group>
            ) : (
              <RemoteChooser
                type={draft.type}
                onType={(type) => set({ type })}
                drafts={draft.drafts}
                onDrafts={(drafts) => set({ drafts })}
                callbacks={callbacks}
                callbackId={callbackId}
                onCallback={(id) => set({ callbackId: id })}
                label={draft.label}
                onLabel={(label) => set({ label })}
                errors={errors}
                types={SCHEDULABLE_TYPES}
              />
            )}
            {fieldError.remote ? (
              <Text c="red.8" size="sm">
                {fieldError.remote}
              </Text>
            ) : null}
          </Stack>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('schedules:form.vehicles')}
            </Title>
            <Radio.Group
              label={t('schedules:form.sendTo')}
              value={draft.target}
              onChange={(target) => set({ target: target as ScheduleDraft['target'] })}
            >
              <Group gap="lg" mt={4}>
                <Radio value="group" label={t('schedules:form.target.group')} />
                <Radio value="vehicles" label={t('schedules:form.target.vehicles')} />
              </Group>
            </Radio.Group>
            {draft.target === 'group' ? (
              <Select
                label={t('schedules:form.group')}
                placeholder={t('schedules:form.groupPlaceholder')}
                data={groups.map((g) => ({
                  value: g.id,
                  label: t('schedules:form.groupOption', { name: g.name, count: g.vehicleIds.length }),
                }))}
                value={draft.groupId}
                onChange={(groupId) => set({ groupId })}
                error={fieldError.groupId}
                searchable
                maw={420}
              />
            ) : (
              <Stack gap={4}>
                <Text data-testid="schedule-vehicle-count">
                  {t('schedules:form.vehicleCount', { count: draft.vehicleIds.length })}
                </Text>
                {selected.size > 0 && editable ? (
                  <div>
                    <Button variant="default" size="xs" onClick={() => set({ vehicleIds: [...selected] })}>
                      {t('schedules:form.useSelected', { count: selected.size })}
                    </Button>
                  </div>
                ) : null}
                {fieldError.vehicleIds ? (
                  <Text c="red.8" size="sm">
                    {fieldError.vehicleIds}
                  </Text>
                ) : null}
              </Stack>
            )}
          </Stack>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('schedules:form.when')}
            </Title>
            <WeekdayToggles
              value={draft.days}
              onChange={(days) => set({ days })}
              error={fieldError.days}
              disabled={!editable}
            />
            <TextInput
              label={t('schedules:form.time')}
              description={
                timeZone
                  ? t('schedules:form.timeHint', { zone: timeZone })
                  : t('schedules:form.timeHintNoZone')
              }
              placeholder="06:30"
              value={draft.time}
              onChange={(e) => set({ time: e.currentTarget.value })}
              error={fieldError.time}
              w={200}
              inputMode="numeric"
              maxLength={5}
            />
          </Stack>
          {editable ? (
            <Group justify="flex-end">
              <Button type="submit" loading={busy}>
                {schedule ? t('schedules:form.save') : t('schedules:form.create')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </fieldset>
    </Paper>
  );
}
