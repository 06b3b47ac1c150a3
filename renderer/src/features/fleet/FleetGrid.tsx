// The fleet as an ARIA grid, virtualized (only the rows in view exist, so 2,000 vehicles scroll and filter as
// smoothly as 25) and driven from the keyboard: the list is ONE tab stop (a roving tabindex on its rows), the
// arrows, Page Up/Down, Home and End move between rows, Enter opens the vehicle, Right/Left reach the row's links
// and quick actions, Escape goes back to the row, Space ticks the row (the selection that groups and bulk commands
// act on). Column headers sort (click, or Enter/Space on them; aria-sort).
import { UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import type { VehicleSummaryDto } from '../../../../preload/contract/dto.js';
import type { VehicleSort } from '../../../../preload/contract/vocabulary.js';
import { movedRow, rowMoveOf } from '../../components/row-keys.js';
import { useAfterFirstPaint } from '../../components/use-after-first-paint.js';
import { observeRectAfterLayout, scrollUnlessAtStart } from '../../components/virtualizer-layout.js';
import { t } from '../../i18n/index.js';
import type { VehicleActivity } from './fleet-filter.js';
import { ariaSort, type FleetSort } from './fleet-sort.js';
import { FeatureSprite } from './FeatureSprite.js';
import classes from './FleetGrid.module.css';
import { FleetRow, ROW_HEIGHT } from './FleetRow.js';
import type { QuickSend } from './QuickActions.js';

type Column = 'selected' | 'vehicle' | 'vin' | 'state' | 'status' | 'canDo' | 'now' | 'quick';

const COLUMNS: { id: Column; sort?: VehicleSort; srOnly?: true }[] = [
  { id: 'selected', srOnly: true },
  { id: 'vehicle', sort: 'label' },
  { id: 'vin', sort: 'vin' },
  { id: 'state', sort: 'state' },
  { id: 'status', sort: 'statusAt' },
  { id: 'canDo' },
  { id: 'now' },
  { id: 'quick' },
];

/** A column's header, in the language shown now. */
function columnLabel(id: Column): string {
  switch (id) {
    case 'selected':
      return t('fleet:column.selected');
    case 'vehicle':
      return t('fleet:column.vehicle');
    case 'vin':
      return t('fleet:column.vin');
    case 'state':
      return t('fleet:column.state');
    case 'status':
      return t('fleet:column.status');
    case 'canDo':
      return t('fleet:column.canDo');
    case 'now':
      return t('fleet:column.now');
    case 'quick':
      return t('fleet:column.quick');
  }
}

/**
 * What stands above the list at 1440×900 (the header, the title, the filters, the selection bar, the columns' row):
 * the list's height is the window's less this until it is measured. The first render then draws the rows the
 * measured list shows, rather than the overscan of an empty one and then the rest in a second render.
 */
const ABOVE_THE_LIST_PX = 300;
const estimatedRect = () => ({
  width: 0,
  height: Math.max(0, (typeof window === 'undefined' ? 0 : window.innerHeight) - ABOVE_THE_LIST_PX),
});

/** Rows drawn beyond each edge of the view. */
const OVERSCAN = 10;

const SORT_ICONS = { ascending: IconSortAscending, descending: IconSortDescending, none: IconArrowsSort };

export function FleetGrid({
  vehicles,
  activity,
  sort,
  onSort,
  active,
  onActive,
  onOpen,
  onSend,
  onToggle,
}: {
  vehicles: VehicleSummaryDto[];
  activity: VehicleActivity;
  sort: FleetSort;
  onSort(key: VehicleSort): void;
  /** The row the keyboard is on (kept by the page, so coming back finds it). */
  active: number;
  onActive(index: number): void;
  onOpen(vehicle: VehicleSummaryDto): void;
  onSend: QuickSend;
  /** Space on a row: tick or untick it. */
  onToggle?(vehicle: VehicleSummaryDto): void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const setActive = (index: number) => {
    if (index !== active) onActive(index);
  };
  /** A row the keyboard moved to: focused as soon as the virtualizer has rendered it. */
  const pendingFocus = useRef<number | null>(null);
  const count = vehicles.length;
  // The rows beyond the view, for a smooth scroll, once the rows in view have been painted.
  const overscan = useAfterFirstPaint(1, OVERSCAN);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    initialRect: estimatedRect(),
    // Measured and scrolled without forcing a layout in the first render's commit (virtualizer-layout.ts).
    observeElementRect: observeRectAfterLayout,
    scrollToFn: scrollUnlessAtStart,
    overscan,
    // Rows are keyed by position (the default): a new filter or order then updates the rows on screen in place
    // instead of taking them down and building new ones — the difference between ~50 and ~20 ms per keystroke.
    // React 19 batches the scroll's re-render itself; flushSync from inside an effect only warns.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const current = Math.min(active, Math.max(0, count - 1));
  // The one tab stop: the active row when it is rendered, else the first row in view (Tab must always land).
  const offset = virtualizer.scrollOffset ?? 0;
  const tabbable = items.some((i) => i.index === current)
    ? current
    : (items.find((i) => i.start >= offset)?.index ?? items[0]?.index ?? -1);

  // Back on the page: the row the technician was on is in view again (the heading keeps the focus).
  useEffect(() => {
    if (current > 0) virtualizer.scrollToIndex(current, { align: 'center' });
    // Once, when the list first shows.
  }, []);

  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[role="row"][data-index="${index}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus();
    }
  });

  function focusRow(index: number) {
    setActive(index);
    pendingFocus.current = index;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    const row = scrollRef.current?.querySelector<HTMLElement>(`[role="row"][data-index="${index}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus();
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('[role="row"][data-index]');
    if (!row || event.altKey) return;
    const index = Number(row.dataset.index);
    const onRow = target === row;
    const move = rowMoveOf(event.key);
    if (move) {
      event.preventDefault();
      const page = Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1;
      focusRow(movedRow(move, index, count, page));
      return;
    }
    const parts = [...row.querySelectorAll<HTMLElement>('[data-row-item]')];
    const at = parts.indexOf(target);
    switch (event.key) {
      case 'Enter':
        if (!onRow) return;
        event.preventDefault();
        if (vehicles[index]) onOpen(vehicles[index]);
        return;
      case ' ':
        // Space on a row ticks it (and would otherwise scroll the list under the focus).
        if (onRow) {
          event.preventDefault();
          if (vehicles[index]) onToggle?.(vehicles[index]);
        }
        return;
      case 'ArrowRight':
        event.preventDefault();
        parts[onRow ? 0 : at + 1]?.focus();
        return;
      case 'ArrowLeft':
        event.preventDefault();
        if (!onRow) (at > 0 ? parts[at - 1]! : row).focus();
        return;
      case 'Escape':
        if (!onRow) {
          event.preventDefault();
          row.focus();
        }
        return;
    }
  }

  return (
    <div className={classes.frame}>
      <FeatureSprite />
      <div
        role="grid"
        aria-label={t('fleet:grid.label')}
        aria-rowcount={Math.max(count, 1) + 1}
        aria-colcount={COLUMNS.length}
        className={classes.grid}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          const row = (event.target as HTMLElement).closest<HTMLElement>('[role="row"][data-index]');
          if (row) setActive(Number(row.dataset.index));
        }}
        onClick={(event) => {
          const target = event.target as HTMLElement;
          if (target.closest('a, button, input')) return;
          const row = target.closest<HTMLElement>('[role="row"][data-index]');
          const vehicle = row ? vehicles[Number(row.dataset.index)] : undefined;
          if (!vehicle) return;
          setActive(Number(row!.dataset.index));
          onOpen(vehicle);
        }}
      >
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className={classes.header}>
            {COLUMNS.map((column) => {
              const label = columnLabel(column.id);
              if (!column.sort) {
                return (
                  <div role="columnheader" key={column.id}>
                    {column.srOnly ? <span className={classes.srOnly}>{label}</span> : label}
                  </div>
                );
              }
              const state = ariaSort(sort, column.sort);
              const Icon = SORT_ICONS[state];
              const key = column.sort;
              return (
                <div role="columnheader" key={column.id} aria-sort={state}>
                  <UnstyledButton
                    className={classes.sort}
                    onClick={() => onSort(key)}
                    data-testid={`sort-${key}`}
                  >
                    {label}
                    <Icon size={14} aria-hidden />
                  </UnstyledButton>
                </div>
              );
            })}
          </div>
        </div>
        <div ref={scrollRef} className={classes.scroller} data-testid="fleet-scroller">
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {count === 0 ? (
              <div role="row" aria-rowindex={2}>
                <div role="gridcell" className={classes.empty}>
                  {t('fleet:grid.empty')}
                </div>
              </div>
            ) : null}
            {items.map((item) => {
              const vehicle = vehicles[item.index]!;
              return (
                <FleetRow
                  key={item.key}
                  vehicle={vehicle}
                  index={item.index}
                  start={item.start}
                  tabbable={item.index === tabbable}
                  latest={activity.latest[vehicle.id]}
                  inFlight={activity.inFlight[vehicle.id]}
                  onSend={onSend}
                />
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
