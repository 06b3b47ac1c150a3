// The depot routines' settings (issue 16): how fast a bulk command sends, the site's time zone schedules are read
// in, and how late a run missed while the agent was off may still go. All three apply at once.
import { Autocomplete, NumberInput, Stack, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { SettingsDto } from '../../../../preload/contract/client.js';
import { errorAt, type FieldError } from '../../components/field-errors.js';
import { t } from '../../i18n/index.js';
import { SETTINGS_FIELD } from './settings-model.js';

type Routines = SettingsDto['routines'];

/** The zones this browser knows (the agent checks the name again with its own list). */
function knownTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

/** A number input's value as a number: empty or half-typed is NaN, which the checks refuse in words. */
const asNumber = (value: string | number) => (typeof value === 'number' ? value : Number.NaN);

export function RoutinesSettings({
  value,
  onChange,
  errors,
  disabled,
}: {
  value: Routines;
  onChange(routines: Routines): void;
  errors: readonly FieldError[];
  disabled: boolean;
}) {
  const zones = useMemo(knownTimeZones, []);
  const set = (change: Partial<Routines>) => onChange({ ...value, ...change });
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('settings:routines.title')}
      </Title>
      <NumberInput
        label={t('settings:routines.bulkRate.label')}
        description={t('settings:routines.bulkRate.help')}
        min={1}
        max={6000}
        clampBehavior="none"
        allowDecimal={false}
        value={Number.isNaN(value.bulkRatePerMinute) ? '' : value.bulkRatePerMinute}
        onChange={(v) => set({ bulkRatePerMinute: asNumber(v) })}
        error={errorAt(errors, SETTINGS_FIELD.bulkRate)}
        w={320}
        disabled={disabled}
      />
      <Autocomplete
        label={t('settings:routines.timeZone.label')}
        description={t('settings:routines.timeZone.help')}
        data={zones}
        limit={50}
        value={value.timeZone}
        onChange={(timeZone) => set({ timeZone })}
        error={errorAt(errors, SETTINGS_FIELD.timeZone)}
        w={320}
        disabled={disabled}
      />
      <NumberInput
        label={t('settings:routines.grace.label')}
        description={t('settings:routines.grace.help')}
        min={0}
        max={1440}
        clampBehavior="none"
        allowDecimal={false}
        value={Number.isNaN(value.scheduleGraceMinutes) ? '' : value.scheduleGraceMinutes}
        onChange={(v) => set({ scheduleGraceMinutes: asNumber(v) })}
        error={errorAt(errors, SETTINGS_FIELD.grace)}
        w={320}
        disabled={disabled}
      />
    </Stack>
  );
}
