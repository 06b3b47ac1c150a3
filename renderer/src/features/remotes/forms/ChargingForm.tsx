import { Group, Select, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { errorAt } from '../../../components/field-errors.js';
import { t } from '../../../i18n/index.js';
import {
  type ChargingDraft,
  type ChargingMode,
  type ChargingProgramDraft,
  newChargingProgram,
} from '../models/charging-model.js';
import { MAX_PROGRAMS } from '../models/shared.js';
import type { FormProps } from './form-props.js';
import {
  ProgramCard,
  ProgramDays,
  ProgramEnabled,
  type ProgramEditorProps,
  ProgramListEditor,
  ProgramStart,
} from './ProgramListEditor.js';

/** The five things a charging request can do, in the language shown now. */
function modes(): { value: ChargingMode; label: string }[] {
  return [
    { value: 'start', label: t('remotes:charging.mode.start') },
    { value: 'stop', label: t('remotes:charging.mode.stop') },
    { value: 'delayed', label: t('remotes:action.delayedStart') },
    { value: 'programs', label: t('remotes:charging.mode.programs') },
    { value: 'preferences', label: t('remotes:charging.mode.preferences') },
  ];
}

const LEVELS = ['Level1', 'Level2', 'Level3', 'Level4', 'Level5'] as const;

/** Where the API reports problems with this form's fields (the body's paths). */
const FIELDS = {
  delayedAt: 'charging.schedule.nextDelayedTime',
  schedule: 'charging.schedule',
  preferences: 'charging.preferences',
  level: 'charging.preferences.level',
  type: 'charging.preferences.type',
} as const;

function ProgramEditor(props: ProgramEditorProps<ChargingProgramDraft>) {
  const { program, onChange, errors } = props;
  const path = `charging.schedule.programs[${props.index}]`;
  return (
    <ProgramCard
      {...props}
      label={t('remotes:charging.program.name', { number: props.index + 1 })}
      path={path}
      fields={
        <>
          <ProgramStart {...props} path={path} />
          <TextInput
            type="time"
            label={t('remotes:charging.program.end')}
            w={150}
            value={program.end}
            onChange={(e) => onChange({ ...program, end: e.currentTarget.value })}
            error={errorAt(errors, `${path}.end`)}
          />
          <ProgramEnabled {...props} />
        </>
      }
      below={<ProgramDays {...props} path={path} />}
    />
  );
}

export function ChargingForm({ draft, onChange, errors }: FormProps<ChargingDraft>) {
  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label={t('remotes:charging.mode.label')}
        data={modes()}
        value={draft.mode}
        onChange={(mode) => onChange({ ...draft, mode })}
        fullWidth
      />
      {draft.mode === 'start' && <Text>{t('remotes:charging.start.hint')}</Text>}
      {draft.mode === 'stop' && <Text>{t('remotes:charging.stop.hint')}</Text>}
      {draft.mode === 'delayed' && (
        <TextInput
          type="datetime-local"
          label={t('remotes:charging.delayed.label')}
          description={t('remotes:charging.delayed.description')}
          value={draft.delayedAt}
          onChange={(e) => onChange({ ...draft, delayedAt: e.currentTarget.value })}
          error={errorAt(errors, FIELDS.delayedAt) ?? errorAt(errors, FIELDS.schedule)}
          maw={320}
        />
      )}
      {draft.mode === 'programs' && (
        <ProgramListEditor
          programs={draft.programs}
          onChange={(programs) => onChange({ ...draft, programs })}
          errors={errors}
          path="charging.schedule.programs"
          intro={t('remotes:charging.programs.intro', { max: MAX_PROGRAMS })}
          newProgram={newChargingProgram}
          Editor={ProgramEditor}
        />
      )}
      {draft.mode === 'preferences' && (
        <Group align="flex-start">
          <Select
            label={t('remotes:charging.level.label')}
            placeholder={t('remotes:charging.keep')}
            data={LEVELS.map((value, index) => ({
              value,
              label: t('remotes:charging.level.option', { level: index + 1 }),
            }))}
            value={draft.level || null}
            onChange={(v) => onChange({ ...draft, level: v ?? '' })}
            clearable
            error={errorAt(errors, FIELDS.level)}
            w={200}
          />
          <Select
            label={t('remotes:charging.type.label')}
            placeholder={t('remotes:charging.keep')}
            data={[
              { value: 'Partial', label: t('remotes:charging.type.partial') },
              { value: 'Full', label: t('remotes:charging.type.full') },
            ]}
            value={draft.type || null}
            onChange={(v) => onChange({ ...draft, type: v ?? '' })}
            clearable
            error={errorAt(errors, FIELDS.type)}
            w={200}
          />
        </Group>
      )}
      {draft.mode === 'preferences' && errorAt(errors, FIELDS.preferences) ? (
        <Text c="red" size="sm">
          {errorAt(errors, FIELDS.preferences)}
        </Text>
      ) : null}
    </Stack>
  );
}
