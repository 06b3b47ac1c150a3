// The days a program runs on: one chip per day, its short name shown and its full name read out.
import { Chip, Group, Input } from '@mantine/core';
import { t } from '../../../i18n/index.js';
import { WEEKDAYS, type Weekday } from '../models/shared.js';

export function DaysPicker({
  value,
  onChange,
  error,
  label = t('remotes:program.days'),
}: {
  value: Weekday[];
  onChange(days: Weekday[]): void;
  error?: string | undefined;
  label?: string;
}) {
  return (
    <Input.Wrapper label={label} error={error} labelElement="div">
      <Chip.Group multiple value={value} onChange={(days) => onChange(days as Weekday[])}>
        <Group gap={6} mt={4} role="group" aria-label={label}>
          {WEEKDAYS.map((day) => (
            <Chip key={day} value={day} size="sm" aria-label={t(`vocab:weekday.long.${day}`)}>
              {t(`vocab:weekday.short.${day}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Input.Wrapper>
  );
}
