// The fleet's filters but the search: its condition (readiness and states, any of them), what its commands are
// doing, brand, energy, a capability. Memoized apart from the search box, so a keystroke in the search redraws the
// list, not five selects fed from 2,000 vehicles.
import { MultiSelect, Select } from '@mantine/core';
import { memo } from 'react';
import { LIST_WHILE_OPEN } from '../../components/list-while-open.js';
import { FEATURES, FEATURE_ORDER } from '../remotes/features.js';
import {
  ACTIVITY_STATES,
  CONDITION_GROUPS,
  type ConditionValue,
  ENERGY_LABELS,
  type FleetFilter,
} from './fleet-filter.js';

const CAPABILITIES = FEATURE_ORDER.map((t) => ({ value: t, label: FEATURES[t].label }));

export const FleetFilters = memo(function FleetFilters({
  conditions,
  activity,
  brand,
  energy,
  capability,
  brands,
  energies,
  onChange,
}: Omit<FleetFilter, 'search'> & {
  brands: string[];
  energies: string[];
  onChange(change: Partial<FleetFilter>): void;
}) {
  return (
    <>
      <MultiSelect
        label="State"
        placeholder={conditions.length ? undefined : 'Any'}
        clearable
        data={CONDITION_GROUPS}
        value={conditions}
        onChange={(v) => onChange({ conditions: v as ConditionValue[] })}
        w={190}
        maxDropdownHeight={420}
        comboboxProps={{ ...LIST_WHILE_OPEN, width: 260 }}
      />
      <Select
        label="Commands"
        placeholder="Any"
        clearable
        comboboxProps={LIST_WHILE_OPEN}
        data={ACTIVITY_STATES}
        value={activity || null}
        onChange={(v) => onChange({ activity: v ?? '' })}
        w={160}
      />
      <Select
        label="Brand"
        placeholder="All"
        clearable
        comboboxProps={LIST_WHILE_OPEN}
        data={brands}
        value={brand || null}
        onChange={(v) => onChange({ brand: v ?? '' })}
        w={120}
      />
      <Select
        label="Energy"
        placeholder="All"
        clearable
        comboboxProps={LIST_WHILE_OPEN}
        data={energies.map((e) => ({ value: e, label: ENERGY_LABELS[e] ?? e }))}
        value={energy || null}
        onChange={(v) => onChange({ energy: v ?? '' })}
        w={130}
      />
      <Select
        label="Can do"
        placeholder="Anything"
        clearable
        comboboxProps={LIST_WHILE_OPEN}
        data={CAPABILITIES}
        value={capability || null}
        onChange={(v) => onChange({ capability: v ?? '' })}
        w={130}
      />
    </>
  );
});
