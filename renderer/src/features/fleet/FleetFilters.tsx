// The fleet's filters but the search: its condition (readiness and states, any of them), what its commands are
// doing, brand, energy, a capability. Memoized apart from the search box, so a keystroke in the search redraws the
// list, not five selects fed from 2,000 vehicles.
import { MultiSelect, Select } from '@mantine/core';
import { memo } from 'react';
import { LIST_WHILE_OPEN } from '../../components/list-while-open.js';
import { t } from '../../i18n/index.js';
import { FEATURE_ORDER, featureLabel } from '../remotes/features.js';
import {
  activityStates,
  conditionGroups,
  type ConditionValue,
  energyLabel,
  type FleetFilter,
} from './fleet-filter.js';

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
  // Worded on each render: the language can change while the page is open (the tree renders again then).
  const capabilities = FEATURE_ORDER.map((type) => ({ value: type, label: featureLabel(type) }));
  return (
    <>
      <MultiSelect
        label={t('fleet:filter.state.label')}
        placeholder={conditions.length ? undefined : t('fleet:filter.any')}
        clearable
        data={conditionGroups()}
        value={conditions}
        onChange={(v) => onChange({ conditions: v as ConditionValue[] })}
        w={190}
        maxDropdownHeight={420}
        comboboxProps={{ ...LIST_WHILE_OPEN, width: 260 }}
      />
      <Select
        label={t('fleet:filter.commands.label')}
        placeholder={t('fleet:filter.any')}
        clearable
        comboboxProps={LIST_WHILE_OPEN}
        data={activityStates()}
        value={activity || null}
        onChange={(v) => onChange({ activity: v ?? '' })}
        w={160}
      />
      <Select
        label={t('fleet:filter.brand.label')}
        placeholder={t('fleet:filter.all')}
        clearable
        comboboxProps={LIST_WHILE_OPEN}
        data={brands}
        value={brand || null}
        onChange={(v) => onChange({ brand: v ?? '' })}
        w={120}
      />
      <Select
        label={t('fleet:filter.energy.label')}
        placeholder={t('fleet:filter.all')}
        clearable
        comboboxProps={LIST_WHILE_OPEN}
        data={energies.map((e) => ({ value: e, label: energyLabel(e) }))}
        value={energy || null}
        onChange={(v) => onChange({ energy: v ?? '' })}
        w={130}
      />
      <Select
        label={t('fleet:filter.canDo.label')}
        placeholder={t('fleet:filter.anything')}
        clearable
        comboboxProps={LIST_WHILE_OPEN}
        data={capabilities}
        value={capability || null}
        onChange={(v) => onChange({ capability: v ?? '' })}
        w={130}
      />
    </>
  );
});
