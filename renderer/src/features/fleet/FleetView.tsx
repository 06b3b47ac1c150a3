// The fleet at a glance: find a vehicle (`/` to search), see at once which ones are stolen, immobilized, in deep
// sleep, out of wake-ups or asleep, how old each status is, what each can do and what its commands are doing; sort
// by a column, filter by condition, honk or lock from the row, open one with Enter; tick rows (Space) to add them to
// a group or send them one command.
import { Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { VehicleSummaryDto } from '../../../../preload/contract/dto.js';
import { VEHICLE_READINESS, type VehicleSort } from '../../../../preload/contract/vocabulary.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useSlashFocus } from '../../components/use-slash-focus.js';
import { t } from '../../i18n/index.js';
import { actionsByVehicle } from '../../stores/actions-store.js';
import { distinct, type FleetFilter, filterVehicles } from './fleet-filter.js';
import { nextSort, sortVehicles } from './fleet-sort.js';
import { readinessLabel } from './fleet-text.js';
import { FleetFilters } from './FleetFilters.js';
import { FleetGrid } from './FleetGrid.js';
import classes from './FleetGrid.module.css';
import type { QuickSend } from './QuickActions.js';
import { quickText } from './quick-text.js';
import { SelectionBar } from '../groups/SelectionBar.js';
import { failureMessage } from '../../components/field-errors.js';

/** How many vehicles of each pressing readiness, for the line under the title ("Immobilized 31 · …"). */
function pressingCounts(vehicles: VehicleSummaryDto[]): string[] {
  const counts = new Map<string, number>();
  for (const v of vehicles) counts.set(v.readiness.code, (counts.get(v.readiness.code) ?? 0) + 1);
  return VEHICLE_READINESS.filter((code) => code !== 'ready' && counts.get(code)).map((code) =>
    t('fleet:page.pressing', { label: readinessLabel(code), count: counts.get(code)! }),
  );
}

export function FleetView() {
  const stores = useStores();
  const items = useStore(stores.vehicles, (s) => s.items);
  const loaded = useStore(stores.vehicles, (s) => s.loaded);
  const error = useStore(stores.vehicles, (s) => s.error);
  // Kept in the store: back from a vehicle, the same filters, order and row.
  const { filter, sort, active } = useStore(stores.vehicles, (s) => s.view);
  const byId = useStore(stores.actions, (s) => s.byId);
  const operator = useStore(stores.session, (s) => s.operator);
  const activity = useMemo(() => actionsByVehicle(byId), [byId]);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const search = useRef<HTMLInputElement>(null);
  useSlashFocus(search);
  const sorted = useMemo(() => sortVehicles(items, sort), [items, sort]);
  const shown = useMemo(() => filterVehicles(sorted, filter, activity), [sorted, filter, activity]);
  const pressing = useMemo(() => pressingCounts(items), [items]);
  const brands = useMemo(() => distinct(items.map((v) => v.brand)), [items]);
  const energies = useMemo(() => distinct(items.map((v) => v.energy)), [items]);
  // Another filter or order is another list: it starts at its first row.
  const set = useCallback(
    (change: Partial<FleetFilter>) => {
      const { view, setView } = stores.vehicles.getState();
      setView({ filter: { ...view.filter, ...change }, active: 0 });
    },
    [stores],
  );
  const onSort = useCallback(
    (key: VehicleSort) => {
      const { view, setView } = stores.vehicles.getState();
      setView({ sort: nextSort(view.sort, key), active: 0 });
    },
    [stores],
  );
  const onActive = useCallback(
    (index: number) => stores.vehicles.getState().setView({ active: index }),
    [stores],
  );

  const open = useCallback(
    (vehicle: VehicleSummaryDto) =>
      stores.router.getState().navigate({ name: 'vehicle', vehicleId: vehicle.id }),
    [stores],
  );
  const toggle = useCallback(
    (vehicle: VehicleSummaryDto) => stores.selection.getState().toggle(vehicle.id),
    [stores],
  );
  const send = useCallback<QuickSend>(
    async (vehicle, action, callbackId) => {
      const name = vehicle.label ?? vehicle.vin;
      const result = await stores.actions.getState().send({
        vid: vehicle.id,
        cbid: callbackId,
        body: action.body,
        ...(operator.trim() ? { operator: operator.trim() } : {}),
      });
      setNotice(
        result.ok
          ? { ok: true, text: quickText.sent(action.kind, name) }
          : { ok: false, text: quickText.failed(action.kind, name, failureMessage(result.error)) },
      );
    },
    [stores, operator],
  );

  // Figures side by side, not a sentence: each is worded alone.
  const description = [
    t('fleet:page.count', { count: items.length }),
    ...(shown.length !== items.length ? [t('fleet:page.shown', { count: shown.length })] : []),
    ...pressing,
  ].join(' · ');

  return (
    <div className={classes.page}>
      <PageHeader
        title={t('fleet:page.title')}
        description={description}
        compact
        actions={
          // One line that never pushes the list down: cut short if need be, whole on hover.
          <Text
            role="status"
            size="sm"
            fw={600}
            c={notice?.ok === false ? 'red.8' : 'green.9'}
            data-testid="quick-notice"
            className={classes.notice}
            truncate="end"
            title={notice?.text}
          >
            {notice?.text}
          </Text>
        }
      />
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          ref={search}
          label={t('fleet:search.label')}
          placeholder={t('fleet:search.placeholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filter.search}
          onChange={(e) => set({ search: e.currentTarget.value })}
          w={210}
        />
        <FleetFilters
          conditions={filter.conditions}
          activity={filter.activity}
          brand={filter.brand}
          energy={filter.energy}
          capability={filter.capability}
          brands={brands}
          energies={energies}
          onChange={set}
        />
      </Group>
      <SelectionBar shown={shown} />
      <ErrorSummary error={error} />
      {!loaded ? (
        <Stack align="flex-start">
          <Loader aria-label={t('fleet:page.loading')} />
        </Stack>
      ) : (
        <FleetGrid
          vehicles={shown}
          activity={activity}
          sort={sort}
          onSort={onSort}
          active={active}
          onActive={onActive}
          onOpen={open}
          onSend={send}
          onToggle={toggle}
        />
      )}
    </div>
  );
}
