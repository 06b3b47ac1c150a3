// Every action ever sent, newest first, filterable, smooth with 100,000 entries: only the visible rows exist in
// the page, and only the pages they need are read from the agent. Rows have one fixed height, so the rows in view
// follow from the scroll offset alone: nothing is measured per row (a virtualizer's measurements of 100,000 rows
// cost more than the whole first page's rendering), and nothing forces a layout to find them.
import { Group, Loader, Paper, Select, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { ActionPhase } from '../../../../preload/contract/vocabulary.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { LIST_WHILE_OPEN } from '../../components/list-while-open.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useAfterFirstPaint } from '../../components/use-after-first-paint.js';
import { t } from '../../i18n/index.js';
import { rowAt } from '../../stores/history-store.js';
import { featureLabel, FEATURE_ORDER } from '../remotes/features.js';
import { HistoryCells } from './HistoryCells.js';
import { HistoryExport } from './HistoryExport.js';
import classes from './HistoryView.module.css';

const ROW_HEIGHT = 64;
/** Rows rendered beyond each edge of the view, so a scroll shows rows before the next render catches up. */
const OVERSCAN = 6;
/** The scroller's height as its CSS gives it (calc(100vh - 330px), at least 320 px), until it is observed. */
const estimatedHeight = () => Math.max(320, (typeof window === 'undefined' ? 0 : window.innerHeight) - 330);
/** Every phase (a missing one fails to compile), in the order a technician looks for them, in today's language. */
function phaseOptions(): { value: ActionPhase; label: string }[] {
  const labels = {
    Pending: t('history:phase.pending'),
    Queued: t('history:phase.queued'),
    Done: t('history:phase.done'),
    Refused: t('history:phase.refused'),
    TimedOut: t('history:phase.timedOut'),
    Expired: t('history:phase.expired'),
    Cancelled: t('history:phase.cancelled'),
    Sending: t('history:phase.sending'),
  } satisfies Record<ActionPhase, string>;
  return Object.entries(labels).map(([value, label]) => ({ value: value as ActionPhase, label }));
}

export function HistoryView() {
  const stores = useStores();
  const { filter, total, pages, error, generation } = useStore(stores.history);
  const vehicles = useStore(stores.vehicles, (s) => s.items);
  const scrollRef = useRef<HTMLDivElement>(null);
  const names = useMemo(() => new Map(vehicles.map((v) => [v.id, v.label ?? v.vin])), [vehicles]);
  const vehicleOptions = useMemo(
    () => vehicles.map((v) => ({ value: v.id, label: `${v.label ?? v.vin} · ${v.vin}` })),
    [vehicles],
  );
  /** The first row in view, and how many fit: all the window needs. */
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(estimatedHeight);

  useEffect(() => {
    void stores.history.getState().open();
  }, [stores]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setHeight(entry.contentRect.height);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const count = total ?? 0;
  // The rows beyond the view follow once the rows in view have been painted (use-after-first-paint.ts).
  const overscan = useAfterFirstPaint(0, OVERSCAN);
  const first = Math.min(Math.max(0, top - overscan), Math.max(0, count - 1));
  const end = Math.min(count, top + Math.ceil(height / ROW_HEIGHT) + 1 + overscan);
  const indexes: number[] = [];
  for (let index = first; index < end; index += 1) indexes.push(index);
  const last = Math.max(first, end - 1);

  useEffect(() => {
    if (total) void stores.history.getState().ensureRange(first, last);
  }, [stores, first, last, total, generation]);

  const setFilter = (change: Partial<typeof filter>) => {
    scrollRef.current?.scrollTo({ top: 0 });
    setTop(0);
    void stores.history.getState().setFilter(change);
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t('history:title')}
        description={total === null ? t('history:loading') : t('history:count', { count: total })}
      />
      <Paper withBorder p="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('history:filter.vehicle.label')}
            placeholder={t('history:filter.vehicle.placeholder')}
            searchable
            clearable
            comboboxProps={LIST_WHILE_OPEN}
            data={vehicleOptions}
            value={filter.vehicle || null}
            onChange={(v) => setFilter({ vehicle: v ?? '' })}
            w={320}
          />
          <Select
            label={t('history:filter.feature.label')}
            placeholder={t('history:filter.feature.placeholder')}
            clearable
            comboboxProps={LIST_WHILE_OPEN}
            data={FEATURE_ORDER.map((type) => ({ value: type, label: featureLabel(type) }))}
            value={filter.type || null}
            onChange={(v) => setFilter({ type: v ?? '' })}
            w={200}
            data-testid="history-type"
          />
          <Select
            label={t('history:filter.state.label')}
            placeholder={t('history:filter.state.placeholder')}
            clearable
            comboboxProps={LIST_WHILE_OPEN}
            data={phaseOptions()}
            value={filter.phase || null}
            onChange={(v) => setFilter({ phase: v ?? '' })}
            w={240}
          />
        </Group>
      </Paper>
      <HistoryExport vehicle={filter.vehicle} />
      <ErrorSummary error={error} />
      {/* A table of two row groups: the header, and the rows, which scroll (one tab stop; the arrows, Page Up/Down,
          Home and End scroll it). Nothing but rows sits directly in either group. */}
      <Paper
        withBorder
        className={classes.table}
        role="table"
        aria-label={t('history:table.label')}
        aria-rowcount={count + 1}
      >
        <div role="rowgroup">
          <div className={classes.header} role="row" aria-rowindex={1}>
            <span role="columnheader">{t('history:column.when')}</span>
            <span role="columnheader">{t('history:column.vehicle')}</span>
            <span role="columnheader">{t('history:column.feature')}</span>
            <span role="columnheader">{t('history:column.outcome')}</span>
            <span role="columnheader">{t('history:column.request')}</span>
            <span role="columnheader">{t('history:column.sentBy')}</span>
          </div>
        </div>
        <div
          ref={scrollRef}
          role="rowgroup"
          className={classes.scroller}
          data-testid="history-scroller"
          tabIndex={0}
          aria-label={t('history:rows.label')}
          onScroll={(e) => setTop(Math.floor(e.currentTarget.scrollTop / ROW_HEIGHT))}
        >
          {total === null ? (
            <div role="row" className={classes.note}>
              <span role="cell">
                <Loader m="md" role="status" aria-label={t('history:rows.loading')} />
              </span>
            </div>
          ) : null}
          {total === 0 ? (
            <div role="row" className={classes.note}>
              <Text role="cell" p="md" c="dimmed">
                {t('history:rows.none')}
              </Text>
            </div>
          ) : null}
          <div style={{ height: count * ROW_HEIGHT, position: 'relative' }}>
            {indexes.map((index) => {
              const action = rowAt({ pages }, index);
              return (
                <div
                  key={index}
                  role="row"
                  aria-rowindex={index + 2}
                  className={classes.row}
                  data-testid={action ? 'history-row' : 'history-placeholder'}
                  data-type={action?.type}
                  style={{ transform: `translateY(${index * ROW_HEIGHT}px)`, height: ROW_HEIGHT }}
                >
                  {action ? (
                    <HistoryCells action={action} vehicleName={names.get(action.vehicleId) ?? action.vin} />
                  ) : (
                    <span role="cell" className={classes.placeholder}>
                      …
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </Paper>
    </Stack>
  );
}
