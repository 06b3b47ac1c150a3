import { Chip, Group, Input } from '@mantine/core';
import { WEEKDAYS, type Weekday } from '../models/shared.js';

const NAMES: Record<Weekday, string> = {
  Mon: 'Monday',
  Tue: 'Tuesday',
  Wed: 'Wednesday',
  Thu: 'Thursday',
  Fri: 'Friday',
  Sat: 'Saturday',
  Sun: 'Sunday',
};

export function DaysPicker({
  value,
  onChange,
  error,
  label = 'Days',
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
            <Chip key={day} value={day} size="sm" aria-label={NAMES[day]}>
              {day}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Input.Wrapper>
  );
}
