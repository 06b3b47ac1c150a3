// The fleet's State filter: any of the readiness codes and states (one list, so one control offers both). Mantine's
// MultiSelect is a combobox with its own store, popover and positioning; none of it shows on the page's first frame,
// which only draws the field. So that frame draws the same field without the combobox (the same PillsInput, label,
// placeholder and chevron), and the MultiSelect takes its place once that frame has been painted — or at once when
// a condition is already chosen (back on the page), since the chosen ones show as pills. The stand-in is no tab stop
// and hidden from assistive technology: it lives for one frame, while the page is not yet interactive.
import { Combobox, MultiSelect, Pill, PillsInput } from '@mantine/core';
import { useAfterFirstPaint } from '../../components/use-after-first-paint.js';
import { LIST_WHILE_OPEN } from '../../components/list-while-open.js';
import { t } from '../../i18n/index.js';
import { conditionGroups, type ConditionValue } from './fleet-filter.js';

const WIDTH = 190;

export function StateFilter({
  conditions,
  onChange,
}: {
  conditions: ConditionValue[];
  onChange(conditions: ConditionValue[]): void;
}) {
  const mounted = useAfterFirstPaint(conditions.length > 0, true);
  const label = t('fleet:filter.state.label');
  if (!mounted)
    return (
      <div aria-hidden data-testid="state-filter-stand-in">
        <PillsInput label={label} w={WIDTH} pointer rightSection={<Combobox.Chevron />}>
          <Pill.Group>
            <PillsInput.Field placeholder={t('fleet:filter.any')} readOnly pointer tabIndex={-1} />
          </Pill.Group>
        </PillsInput>
      </div>
    );
  return (
    <MultiSelect
      label={label}
      placeholder={conditions.length ? undefined : t('fleet:filter.any')}
      clearable
      data={conditionGroups()}
      value={conditions}
      onChange={(v) => onChange(v as ConditionValue[])}
      w={WIDTH}
      maxDropdownHeight={420}
      comboboxProps={{ ...LIST_WHILE_OPEN, width: 260 }}
    />
  );
}
