// The tick box of one fleet row. It follows the selection store by itself, so ticking a vehicle redraws this box
// only, not the row or the list. It is no tab stop and not one of the row's arrow-key items: Space on the focused
// row ticks it (FleetGrid), a click ticks it, and a screen reader reads it with the row.
import { memo } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores-context.js';
import { t } from '../../i18n/index.js';

export const RowSelect = memo(function RowSelect({ vehicleId, name }: { vehicleId: string; name: string }) {
  const stores = useStores();
  const selected = useStore(stores.selection, (s) => s.selected.has(vehicleId));
  return (
    <input
      type="checkbox"
      tabIndex={-1}
      aria-label={t('groups:rowSelect.label', { name })}
      checked={selected}
      onChange={() => stores.selection.getState().toggle(vehicleId)}
      data-testid="row-select"
      style={{ width: 16, height: 16, margin: 0, cursor: 'pointer', verticalAlign: 'middle' }}
    />
  );
});
