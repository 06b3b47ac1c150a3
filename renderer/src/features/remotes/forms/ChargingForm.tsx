import {
  Button,
  Group,
  Paper,
  Select,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { errorAt, errorUnder } from '../../../components/field-errors.js';
import {
  type ChargingDraft,
  type ChargingMode,
  type ChargingProgramDraft,
  newChargingProgram,
} from '../models/charging-model.js';
import { MAX_PROGRAMS } from '../models/shared.js';
import { DaysPicker } from './DaysPicker.js';
import type { FormProps } from './form-props.js';

const MODES: { value: ChargingMode; label: string }[] = [
  { value: 'start', label: 'Start now' },
  { value: 'stop', label: 'Stop now' },
  { value: 'delayed', label: 'Delayed start' },
  { value: 'programs', label: 'Programs' },
  { value: 'preferences', label: 'Preferences' },
];

const SLOTS = ['1', '2', '3', '4'];

function ProgramEditor({
  program,
  index,
  onChange,
  onRemove,
  errors,
}: {
  program: ChargingProgramDraft;
  index: number;
  onChange(p: ChargingProgramDraft): void;
  onRemove?: () => void;
  errors: FormProps<ChargingDraft>['errors'];
}) {
  const path = `charging.schedule.programs[${index}]`;
  return (
    <Paper withBorder p="sm" component="fieldset" aria-label={`Charge program ${index + 1}`}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Select
          label="Slot"
          w={90}
          data={SLOTS}
          value={String(program.slot)}
          onChange={(v) => onChange({ ...program, slot: Number(v ?? program.slot) })}
          error={errorAt(errors, `${path}.slot`)}
          allowDeselect={false}
        />
        <TextInput
          type="time"
          label="Start"
          w={130}
          value={program.start}
          onChange={(e) => onChange({ ...program, start: e.currentTarget.value })}
          error={errorAt(errors, `${path}.start`)}
        />
        <TextInput
          type="time"
          label="End (optional)"
          w={150}
          value={program.end}
          onChange={(e) => onChange({ ...program, end: e.currentTarget.value })}
          error={errorAt(errors, `${path}.end`)}
        />
        <Switch
          label="Enabled"
          mt={32}
          checked={program.enabled}
          onChange={(e) => onChange({ ...program, enabled: e.currentTarget.checked })}
        />
        {onRemove ? (
          <Button
            variant="subtle"
            color="red"
            mt={24}
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={onRemove}
          >
            Remove program {index + 1}
          </Button>
        ) : null}
      </Group>
      <DaysPicker
        value={program.days}
        onChange={(days) => onChange({ ...program, days })}
        error={errorUnder(errors, `${path}.occurence`)}
      />
      {errorAt(errors, path) ? (
        <Text c="red" size="sm" mt={4}>
          {errorAt(errors, path)}
        </Text>
      ) : null}
    </Paper>
  );
}

export function ChargingForm({ draft, onChange, errors }: FormProps<ChargingDraft>) {
  const setPrograms = (programs: ChargingProgramDraft[]) => onChange({ ...draft, programs });
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
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Up to {MAX_PROGRAMS} weekly programs, one per slot.
          </Text>
          {draft.programs.map((program, index) => (
            <ProgramEditor
              key={index}
              program={program}
              index={index}
              errors={errors}
              onChange={(p) => setPrograms(draft.programs.map((x, i) => (i === index ? p : x)))}
              {...(draft.programs.length > 1
                ? { onRemove: () => setPrograms(draft.programs.filter((_, i) => i !== index)) }
                : {})}
            />
          ))}
          {errorAt(errors, 'charging.schedule.programs') ? (
            <Text c="red" size="sm">
              {errorAt(errors, 'charging.schedule.programs')}
            </Text>
          ) : null}
          <Group>
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              disabled={draft.programs.length >= MAX_PROGRAMS}
              onClick={() =>
                setPrograms([...draft.programs, newChargingProgram(draft.programs.map((p) => p.slot))])
              }
            >
              Add a program
            </Button>
          </Group>
        </Stack>
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
