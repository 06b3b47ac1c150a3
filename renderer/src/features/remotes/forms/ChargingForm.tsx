import { Group, Select, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { errorAt } from '../../../components/field-errors.js';
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

const MODES: { value: ChargingMode; label: string }[] = [
  { value: 'start', label: 'Start now' },
  { value: 'stop', label: 'Stop now' },
  { value: 'delayed', label: 'Delayed start' },
  { value: 'programs', label: 'Programs' },
  { value: 'preferences', label: 'Preferences' },
];

function ProgramEditor(props: ProgramEditorProps<ChargingProgramDraft>) {
  const { program, onChange, errors } = props;
  const path = `charging.schedule.programs[${props.index}]`;
  return (
    <ProgramCard
      {...props}
      label={`Charge program ${props.index + 1}`}
      path={path}
      fields={
        <>
          <ProgramStart {...props} path={path} />
          <TextInput
            type="time"
            label="End (optional)"
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
        aria-label="What to do with charging"
        data={MODES}
        value={draft.mode}
        onChange={(mode) => onChange({ ...draft, mode })}
        fullWidth
      />
      {draft.mode === 'start' && <Text>Starts charging now, if the vehicle is plugged in.</Text>}
      {draft.mode === 'stop' && (
        <Text>
          Stops the charge now. The vehicle will start again at its next programmed time, if it has one.
        </Text>
      )}
      {draft.mode === 'delayed' && (
        <TextInput
          type="datetime-local"
          label="Start charging at"
          description="Local time of this computer."
          value={draft.delayedAt}
          onChange={(e) => onChange({ ...draft, delayedAt: e.currentTarget.value })}
          error={errorAt(errors, 'charging.schedule.nextDelayedTime') ?? errorAt(errors, 'charging.schedule')}
          maw={320}
        />
      )}
      {draft.mode === 'programs' && (
        <ProgramListEditor
          programs={draft.programs}
          onChange={(programs) => onChange({ ...draft, programs })}
          errors={errors}
          path="charging.schedule.programs"
          intro={<>Up to {MAX_PROGRAMS} weekly programs, one per slot.</>}
          newProgram={newChargingProgram}
          Editor={ProgramEditor}
        />
      )}
      {draft.mode === 'preferences' && (
        <Group align="flex-start">
          <Select
            label="Charge level"
            placeholder="Keep as is"
            data={['Level1', 'Level2', 'Level3', 'Level4', 'Level5'].map((v) => ({
              value: v,
              label: v.replace('Level', 'Level '),
            }))}
            value={draft.level || null}
            onChange={(v) => onChange({ ...draft, level: v ?? '' })}
            clearable
            error={errorAt(errors, 'charging.preferences.level')}
            w={200}
          />
          <Select
            label="Charge type"
            placeholder="Keep as is"
            data={[
              { value: 'Partial', label: 'Partial' },
              { value: 'Full', label: 'Full' },
            ]}
            value={draft.type || null}
            onChange={(v) => onChange({ ...draft, type: v ?? '' })}
            clearable
            error={errorAt(errors, 'charging.preferences.type')}
            w={200}
          />
        </Group>
      )}
      {draft.mode === 'preferences' && errorAt(errors, 'charging.preferences') ? (
        <Text c="red" size="sm">
          {errorAt(errors, 'charging.preferences')}
        </Text>
      ) : null}
    </Stack>
  );
}
