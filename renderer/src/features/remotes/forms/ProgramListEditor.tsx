// The weekly programs of the charging and preconditioning forms: a list of up to MAX_PROGRAMS programs, one per
// slot (1-4), each in its own fieldset with its slot, its own fields, its days and a remove button.
import { Button, Group, Paper, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import { errorAt, errorUnder, type FieldError } from '../../../components/field-errors.js';
import { t } from '../../../i18n/index.js';
import { MAX_PROGRAMS, type Weekday } from '../models/shared.js';
import { DaysPicker } from './DaysPicker.js';

const SLOTS = ['1', '2', '3', '4'];

interface SlotProgram {
  slot: number;
}

export interface ProgramEditorProps<P extends SlotProgram> {
  program: P;
  index: number;
  onChange(p: P): void;
  onRemove?: () => void;
  errors: readonly FieldError[];
}

type FieldProps<P extends SlotProgram> = Pick<ProgramEditorProps<P>, 'program' | 'onChange' | 'errors'> & {
  path: string;
};

/** One program's fieldset: its slot, then `fields`, the remove button, what goes `below` and the program's error. */
export function ProgramCard<P extends SlotProgram>({
  label,
  path,
  program,
  index,
  onChange,
  onRemove,
  errors,
  fields,
  below,
}: ProgramEditorProps<P> & {
  /** The fieldset's accessible name. */
  label: string;
  /** Where the program's errors are, e.g. "charging.schedule.programs[0]". */
  path: string;
  fields: ReactNode;
  below: ReactNode;
}) {
  return (
    <Paper withBorder p="sm" component="fieldset" aria-label={label}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Select
          label={t('remotes:program.slot')}
          w={90}
          data={SLOTS}
          value={String(program.slot)}
          onChange={(v) => onChange({ ...program, slot: Number(v ?? program.slot) })}
          error={errorAt(errors, `${path}.slot`)}
          allowDeselect={false}
        />
        {fields}
        {onRemove ? (
          <Button
            variant="subtle"
            color="red"
            mt={24}
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={onRemove}
          >
            {t('remotes:program.remove', { number: index + 1 })}
          </Button>
        ) : null}
      </Group>
      {below}
      {errorAt(errors, path) ? (
        <Text c="red" size="sm" mt={4}>
          {errorAt(errors, path)}
        </Text>
      ) : null}
    </Paper>
  );
}

/** The days a program runs on, with the errors of its occurence. */
export function ProgramDays<P extends SlotProgram & { days: Weekday[] }>({
  program,
  onChange,
  errors,
  path,
}: FieldProps<P>) {
  return (
    <DaysPicker
      value={program.days}
      onChange={(days) => onChange({ ...program, days })}
      error={errorUnder(errors, `${path}.occurence`)}
    />
  );
}

/** When a program starts. */
export function ProgramStart<P extends SlotProgram & { start: string }>({
  program,
  onChange,
  errors,
  path,
}: FieldProps<P>) {
  return (
    <TextInput
      type="time"
      label={t('remotes:program.start')}
      w={130}
      value={program.start}
      onChange={(e) => onChange({ ...program, start: e.currentTarget.value })}
      error={errorAt(errors, `${path}.start`)}
    />
  );
}

/** Whether a program is on. */
export function ProgramEnabled<P extends SlotProgram & { enabled: boolean }>({
  program,
  onChange,
}: Pick<ProgramEditorProps<P>, 'program' | 'onChange'>) {
  return (
    <Switch
      label={t('remotes:program.enabled')}
      mt={32}
      checked={program.enabled}
      onChange={(e) => onChange({ ...program, enabled: e.currentTarget.checked })}
    />
  );
}

/** The list: an intro, one editor per program (removable while more than one), the list's error, "Add a program". */
export function ProgramListEditor<P extends SlotProgram>({
  programs,
  onChange,
  errors,
  path,
  intro,
  newProgram,
  Editor,
}: {
  programs: P[];
  onChange(programs: P[]): void;
  errors: readonly FieldError[];
  /** Where the list's errors are, e.g. "charging.schedule.programs". */
  path: string;
  intro: ReactNode;
  /** A new program in a slot not in `used`. */
  newProgram(used: number[]): P;
  Editor: ComponentType<ProgramEditorProps<P>>;
}) {
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {intro}
      </Text>
      {programs.map((program, index) => (
        <Editor
          key={index}
          program={program}
          index={index}
          errors={errors}
          onChange={(p) => onChange(programs.map((x, i) => (i === index ? p : x)))}
          {...(programs.length > 1
            ? { onRemove: () => onChange(programs.filter((_, i) => i !== index)) }
            : {})}
        />
      ))}
      {errorAt(errors, path) ? (
        <Text c="red" size="sm">
          {errorAt(errors, path)}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={programs.length >= MAX_PROGRAMS}
          onClick={() => onChange([...programs, newProgram(programs.map((p) => p.slot))])}
        >
          {t('remotes:program.add')}
        </Button>
      </Group>
    </Stack>
  );
}
