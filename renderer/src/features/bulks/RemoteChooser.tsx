// The command a bulk or a schedule sends to each of its vehicles: the feature, then that feature's own form from
// the vehicle page (remotes/forms, through FeatureForm), the callback (the built-in one unless chosen) and a label.
// No vehicle is known here, so every feature is offered; each vehicle that cannot do it is skipped with the reason.
import { Group, Select, Stack, TextInput } from '@mantine/core';
import type { CallbackDto } from '../../../../preload/contract/dto.js';
import { errorAt, type FieldError } from '../../components/field-errors.js';
import { CallbackPicker } from '../remotes/CallbackPicker.js';
import { FeatureForm } from '../remotes/FeatureForm.js';
import { t } from '../../i18n/index.js';
import { FEATURE_ORDER, FEATURES, featureLabel, type RemoteType } from '../remotes/features.js';
import type { Drafts } from '../remotes/models/remote-draft.js';

/** The API names a remote's fields under `remote.`; the feature forms name them from the remote's own root. */
export function remoteFieldErrors(errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) => (e.field.startsWith('remote.') ? { ...e, field: e.field.slice(7) } : e));
}

export function RemoteChooser({
  type,
  onType,
  drafts,
  onDrafts,
  callbacks,
  callbackId,
  onCallback,
  label,
  onLabel,
  errors,
  types = FEATURE_ORDER,
}: {
  type: RemoteType;
  onType(type: RemoteType): void;
  drafts: Drafts;
  onDrafts(drafts: Drafts): void;
  callbacks: CallbackDto[];
  callbackId: string | null;
  onCallback(id: string | null): void;
  label: string;
  onLabel(label: string): void;
  errors: readonly FieldError[];
  /** The features offered (a schedule leaves out those that cannot be scheduled). */
  types?: readonly RemoteType[];
}) {
  const formErrors = remoteFieldErrors(errors);
  const typeError = errorAt(errors, 'type');
  const callbackError = errorAt(errors, 'callbackId');
  const labelError = errorAt(formErrors, 'label');
  return (
    <Stack gap="md">
      <Select
        label={t('bulks:chooser.command')}
        data={types.map((type) => ({
          value: type,
          label: `${featureLabel(type)} — ${FEATURES[type].summary}`,
        }))}
        value={type}
        onChange={(value) => value && onType(value as RemoteType)}
        allowDeselect={false}
        error={typeError}
        maw={420}
        data-testid="bulk-feature"
      />
      <FeatureForm
        type={type}
        draft={drafts[type]}
        onChange={(draft) => onDrafts({ ...drafts, [type]: draft })}
        errors={formErrors}
      />
      <Group align="flex-end" gap="md" wrap="wrap">
        <CallbackPicker
          callbacks={callbacks}
          type={type}
          value={callbackId}
          onChange={onCallback}
          error={callbackError}
        />
        <TextInput
          label={t('bulks:chooser.label')}
          description={t('bulks:chooser.labelHint')}
          value={label}
          onChange={(e) => onLabel(e.currentTarget.value)}
          error={labelError}
          w={260}
        />
      </Group>
    </Stack>
  );
}
