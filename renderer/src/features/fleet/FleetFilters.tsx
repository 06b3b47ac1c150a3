// The fleet's filters but the search: its condition (readiness and states, any of them), what its commands are
// doing, brand, energy, a capability. Memoized apart from the search box, so a keystroke in the search redraws the
// list, not five selects fed from 2,000 vehicles. The four single choices are the browser's own selects (Mantine's
// NativeSelect, as the language menu), their first option "any": Mantine's Select is a combobox with its own
// popover, positioning and hidden input, and four of them were a tenth of the page's first render. The State
// filter, a multiple choice, keeps Mantine's MultiSelect, drawn once the first frame is painted (StateFilter.tsx).
import { NativeSelect } from '@mantine/core';
import { memo } from 'react';
import { t } from '../../i18n/index.js';
import { FEATURE_ORDER, featureLabel } from '../remotes/features.js';
import { activityStates, energyLabel, type FleetFilter } from './fleet-filter.js';
import { StateFilter } from './StateFilter.js';

/** A select's options with "any" first: the choice that filters nothing (the empty value). */
function withAny(any: string, options: readonly { value: string; label: string }[]) {
  return [{ value: '', label: any }, ...options];
}

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
      <StateFilter conditions={conditions} onChange={(v) => onChange({ conditions: v })} />
      <NativeSelect
        label={t('fleet:filter.commands.label')}
        data={withAny(t('fleet:filter.any'), activityStates())}
        value={activity}
        onChange={(e) => onChange({ activity: e.currentTarget.value })}
        w={160}
      />
      <NativeSelect
        label={t('fleet:filter.brand.label')}
        data={withAny(
          t('fleet:filter.all'),
          brands.map((b) => ({ value: b, label: b })),
        )}
        value={brand}
        onChange={(e) => onChange({ brand: e.currentTarget.value })}
        w={120}
      />
      <NativeSelect
        label={t('fleet:filter.energy.label')}
        data={withAny(
          t('fleet:filter.all'),
          energies.map((e) => ({ value: e, label: energyLabel(e) })),
        )}
        value={energy}
        onChange={(e) => onChange({ energy: e.currentTarget.value })}
        w={130}
      />
      <NativeSelect
        label={t('fleet:filter.canDo.label')}
        data={withAny(t('fleet:filter.anything'), capabilities)}
        value={capability}
        onChange={(e) => onChange({ capability: e.currentTarget.value })}
        w={130}
      />
    </>
  );
});
