// How long history is kept (issue 18): settled actions with their events, notifications delivered to a webhook, and
// audit entries (forever unless unticked). Open actions and notifications not yet delivered are never removed. All
// apply at the agent's next sweep.
import { Checkbox, NumberInput, Stack, Text, Title } from '@mantine/core';
import type { SettingsDto } from '../../../../preload/contract/client.js';
import { errorAt, type FieldError } from '../../components/field-errors.js';
import { t } from '../../i18n/index.js';
import { SETTINGS_FIELD } from './settings-model.js';

type Retention = SettingsDto['retention'];

/** Offered when a site stops keeping audit entries forever: a little over two years. */
const SUGGESTED_AUDIT_DAYS = 800;

/** A number input's value as a number: empty or half-typed is NaN, which the checks refuse in words. */
const asNumber = (value: string | number) => (typeof value === 'number' ? value : Number.NaN);

export function RetentionSettings({
  value,
  onChange,
  errors,
  disabled,
}: {
  value: Retention;
  onChange(retention: Retention): void;
  errors: readonly FieldError[];
  disabled: boolean;
}) {
  const set = (change: Partial<Retention>) => onChange({ ...value, ...change });
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('settings:retention.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('settings:retention.help')}
      </Text>
      <NumberInput
        label={t('settings:retention.actions.label')}
        description={t('settings:retention.actions.help')}
        min={1}
        max={3650}
        clampBehavior="none"
        allowDecimal={false}
        value={Number.isNaN(value.actionsDays) ? '' : value.actionsDays}
        onChange={(v) => set({ actionsDays: asNumber(v) })}
        error={errorAt(errors, SETTINGS_FIELD.actionsRetention)}
        w={320}
        disabled={disabled}
      />
      <NumberInput
        label={t('settings:retention.delivered.label')}
        description={t('settings:retention.delivered.help')}
        min={1}
        max={3650}
        clampBehavior="none"
        allowDecimal={false}
        value={Number.isNaN(value.deliveredNotificationsDays) ? '' : value.deliveredNotificationsDays}
        onChange={(v) => set({ deliveredNotificationsDays: asNumber(v) })}
        error={errorAt(errors, SETTINGS_FIELD.deliveredRetention)}
        w={320}
        disabled={disabled}
      />
      <Checkbox
        label={t('settings:retention.audit.forever')}
        description={t('settings:retention.audit.foreverHelp')}
        checked={value.auditDays === null}
        onChange={(event) => set({ auditDays: event.currentTarget.checked ? null : SUGGESTED_AUDIT_DAYS })}
        disabled={disabled}
        maw={640}
      />
      {value.auditDays === null ? null : (
        <NumberInput
          label={t('settings:retention.audit.label')}
          description={t('settings:retention.audit.help')}
          min={1}
          max={3650}
          clampBehavior="none"
          allowDecimal={false}
          value={Number.isNaN(value.auditDays) ? '' : value.auditDays}
          onChange={(v) => set({ auditDays: asNumber(v) })}
          error={errorAt(errors, SETTINGS_FIELD.auditRetention)}
          w={320}
          disabled={disabled}
        />
      )}
    </Stack>
  );
}
