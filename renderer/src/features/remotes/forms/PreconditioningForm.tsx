import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { errorAt, errorUnder } from '../../../components/field-errors.js';
import {
  newPreconditioningProgram,
  type PreconditioningDraft,
  type PreconditioningProgramDraft,
} from '../models/preconditioning-model.js';
import { MAX_PROGRAMS } from '../models/shared.js';
import { DaysPicker } from './DaysPicker.js';
import type { FormProps } from './form-props.js';

function ProgramEditor({
  program,
  index,
  onChange,
  onRemove,
  errors,
}: {
  program: PreconditioningProgramDraft;
  index: number;
  onChange(p: PreconditioningProgramDraft): void;
  onRemove?: () => void;
  errors: FormProps<PreconditioningDraft>['errors'];
}) {
  const path = `preconditioning.airConditioning.programs[${index}]`;
  return (
    <Paper withBorder p="sm" component="fieldset" aria-label={`Preconditioning program ${index + 1}`}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Select
          label="Slot"
          w={90}
          data={['1', '2', '3', '4']}
          value={String(program.slot)}
          onChange={(v) => onChange({ ...program, slot: Number(v ?? program.slot) })}
          error={errorAt(errors, `${path}.slot`)}
          allowDeselect={false}
        />
        <SegmentedControl
          aria-label={`Program ${index + 1}: set or delete`}
          mt={24}
          data={[
            { value: 'Set', label: 'Set' },
            { value: 'Delete', label: 'Delete' },
          ]}
          value={program.action}
          onChange={(action) => onChange({ ...program, action })}
        />
        {program.action === 'Set' && (
          <>
            <TextInput
              type="time"
              label="Start"
              w={130}
              value={program.start}
              onChange={(e) => onChange({ ...program, start: e.currentTarget.value })}
              error={errorAt(errors, `${path}.start`)}
            />
            <Select
              label="Repeat"
              w={170}
              data={[
                { value: 'Daily', label: 'Every week' },
                { value: 'None', label: 'Once' },
              ]}
              value={program.recurrence}
              onChange={(v) => onChange({ ...program, recurrence: v === 'None' ? 'None' : 'Daily' })}
              allowDeselect={false}
              error={errorAt(errors, `${path}.recurrence`)}
            />
            <Switch
              label="Enabled"
              mt={32}
              checked={program.enabled}
              onChange={(e) => onChange({ ...program, enabled: e.currentTarget.checked })}
            />
          </>
        )}
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
      {program.action === 'Set' ? (
        <DaysPicker
          value={program.days}
          onChange={(days) => onChange({ ...program, days })}
          error={errorUnder(errors, `${path}.occurence`)}
        />
      ) : (
        <Text size="sm" c="dimmed" mt="xs">
          Deletes the program stored in slot {program.slot}.
        </Text>
      )}
      {errorAt(errors, path) ? (
        <Text c="red" size="sm" mt={4}>
          {errorAt(errors, path)}
        </Text>
      ) : null}
    </Paper>
  );
}

export function PreconditioningForm({ draft, onChange, errors }: FormProps<PreconditioningDraft>) {
  const setPrograms = (programs: PreconditioningProgramDraft[]) => onChange({ ...draft, programs });
  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label="Preconditioning now or programs"
        data={[
          { value: 'now', label: 'Heat or cool now' },
          { value: 'programs', label: 'Weekly programs' },
        ]}
        value={draft.mode}
        onChange={(mode) => onChange({ ...draft, mode })}
        fullWidth
      />
      {draft.mode === 'now' ? (
        <Text>
          Starts the air conditioning now. Vehicles usually refuse while the engine runs, the doors are
          unlocked or the battery is below about 20%.
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Up to {MAX_PROGRAMS} programs, one per slot. Programs not listed here stay as they are in the
            vehicle.
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
          {errorAt(errors, 'preconditioning.airConditioning.programs') ? (
            <Text c="red" size="sm">
              {errorAt(errors, 'preconditioning.airConditioning.programs')}
            </Text>
          ) : null}
          <Group>
            <Button
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              disabled={draft.programs.length >= MAX_PROGRAMS}
              onClick={() =>
                setPrograms([...draft.programs, newPreconditioningProgram(draft.programs.map((p) => p.slot))])
              }
            >
              Add a program
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
