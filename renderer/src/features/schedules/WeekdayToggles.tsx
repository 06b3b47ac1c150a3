// The days of a schedule: seven toggle buttons, Monday first (aria-pressed says which are on; each named "Mon", as
// shown, and described "Monday" — the names in the chosen language), plus the usual sets in one press. A group with its label and error, so a screen
// reader hears "Days, group" and the problem.
import { Button, Group, Input } from '@mantine/core';
import { WEEKDAYS, type Weekday } from '../../../../preload/contract/vocabulary.js';
import { t } from '../../i18n/index.js';
import { weekdayLong, weekdayShort } from './site-clock.js';

/** The usual sets, worded at each render (the language can change). */
const sets = (): { label: string; days: readonly Weekday[] }[] => [
  { label: t('schedules:days.weekdays'), days: WEEKDAYS.slice(0, 5) },
  { label: t('schedules:days.every'), days: WEEKDAYS },
];

export function WeekdayToggles({
  value,
  onChange,
  error,
  disabled,
}: {
  value: readonly Weekday[];
  onChange(days: Weekday[]): void;
  error?: string | undefined;
  disabled?: boolean;
}) {
  const toggle = (day: Weekday) =>
    onChange(WEEKDAYS.filter((d) => (d === day ? !value.includes(d) : value.includes(d))));
  return (
    <Input.Wrapper label={t('schedules:days.label')} error={error} labelElement="div" id="schedule-days">
      <Group gap={6} mt={4} wrap="wrap">
        <Group
          gap={4}
          role="group"
          aria-labelledby="schedule-days-label"
          aria-describedby={error ? 'schedule-days-error' : undefined}
          data-testid="weekday-toggles"
        >
          {WEEKDAYS.map((day) => {
            const on = value.includes(day);
            return (
              <Button
                key={day}
                size="sm"
                w={58}
                variant={on ? 'filled' : 'default'}
                aria-pressed={on}
                // Named by what it shows ("Mon"), as speech input says it; the whole name is its description.
                title={weekdayLong(day)}
                onClick={() => toggle(day)}
                disabled={disabled}
              >
                {weekdayShort(day)}
              </Button>
            );
          })}
        </Group>
        {sets().map((set) => (
          <Button
            key={set.label}
            size="sm"
            variant="subtle"
            onClick={() => onChange([...set.days])}
            disabled={disabled}
          >
            {set.label}
          </Button>
        ))}
      </Group>
    </Input.Wrapper>
  );
}
