import { SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { errorAt } from '../../../components/field-errors.js';
import {
  newPreconditioningProgram,
  type PreconditioningDraft,
  type PreconditioningProgramDraft,
} from '../models/preconditioning-model.js';
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

function ProgramEditor(props: ProgramEditorProps<PreconditioningProgramDraft>) {
  const { program, index, onChange, errors } = props;
  const path = `preconditioning.airConditioning.programs[${index}]`;
  return (
    <ProgramCard
      {...props}
      label={`Preconditioning program ${index + 1}`}
      path={path}
      fields={
        <>
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
              <ProgramStart {...props} path={path} />
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
              <ProgramEnabled {...props} />
            </>
          )}
        </>
      }
      below={
        program.action === 'Set' ? (
          <ProgramDays {...props} path={path} />
        ) : (
          <Text size="sm" c="dimmed" mt="xs">
            Deletes the program stored in slot {program.slot}.
          </Text>
        )
      }
    />
  );
}

export function PreconditioningForm({ draft, onChange, errors }: FormProps<PreconditioningDraft>) {
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
        <ProgramListEditor
          programs={draft.programs}
          onChange={(programs) => onChange({ ...draft, programs })}
          errors={errors}
          path="preconditioning.airConditioning.programs"
          intro={
            <>
              Up to {MAX_PROGRAMS} programs, one per slot. Programs not listed here stay as they are in the
              vehicle.
            </>
          }
          newProgram={newPreconditioningProgram}
          Editor={ProgramEditor}
        />
      )}
    </Stack>
  );
}
