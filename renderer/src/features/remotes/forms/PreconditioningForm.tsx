import { SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { errorAt } from '../../../components/field-errors.js';
import { formatPercent } from '../../../i18n/format.js';
import { t } from '../../../i18n/index.js';
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
      label={t('remotes:preconditioning.program.name', { number: index + 1 })}
      path={path}
      fields={
        <>
          <SegmentedControl
            aria-label={t('remotes:preconditioning.program.action', { number: index + 1 })}
            mt={24}
            data={[
              { value: 'Set', label: t('remotes:preconditioning.program.set') },
              { value: 'Delete', label: t('remotes:preconditioning.program.delete') },
            ]}
            value={program.action}
            onChange={(action) => onChange({ ...program, action })}
          />
          {program.action === 'Set' && (
            <>
              <ProgramStart {...props} path={path} />
              <Select
                label={t('remotes:preconditioning.program.repeat')}
                w={170}
                data={[
                  { value: 'Daily', label: t('remotes:preconditioning.program.weekly') },
                  { value: 'None', label: t('remotes:preconditioning.program.once') },
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
            {t('remotes:preconditioning.program.deletes', { slot: program.slot })}
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
        aria-label={t('remotes:preconditioning.mode.label')}
        data={[
          { value: 'now', label: t('remotes:action.heatOrCoolNow') },
          { value: 'programs', label: t('remotes:preconditioning.mode.programs') },
        ]}
        value={draft.mode}
        onChange={(mode) => onChange({ ...draft, mode })}
        fullWidth
      />
      {draft.mode === 'now' ? (
        <Text>{t('remotes:preconditioning.now.hint', { level: formatPercent(0.2) })}</Text>
      ) : (
        <ProgramListEditor
          programs={draft.programs}
          onChange={(programs) => onChange({ ...draft, programs })}
          errors={errors}
          path="preconditioning.airConditioning.programs"
          intro={t('remotes:preconditioning.programs.intro', { max: MAX_PROGRAMS })}
          newProgram={newPreconditioningProgram}
          Editor={ProgramEditor}
        />
      )}
    </Stack>
  );
}
