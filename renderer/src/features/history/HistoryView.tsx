// Every action ever sent, newest first, filterable, smooth with 100,000 entries: only the visible rows exist in
// the page, and only the pages they need are read from the agent.
import { Anchor, Group, Loader, Paper, Select, Stack, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { ActionPhase } from '../../../../preload/contract/vocabulary.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { OutcomeBadge } from '../../components/OutcomeBadge.js';
import { PageHeader } from '../../components/PageHeader.js';
import { clockText, shortClockText } from '../../components/time-text.js';
import { rowAt } from '../../stores/history-store.js';
import { FEATURES, featureLabel, FEATURE_ORDER } from '../remotes/features.js';
import { positionText } from '../remotes/queue-text.js';
import { remoteSummary } from '../remotes/remote-summary.js';
import { verdictOf } from '../../stores/action-phases.js';
import { actorText, approvedByText, sentByText } from '../access/access-text.js';
import classes from './HistoryView.module.css';

const ROW_HEIGHT = 64;
/** Every phase (a missing one fails to compile), in the order a technician looks for them. */
const PHASE_LABELS = {
  Pending: 'In progress',
  Queued: 'Queued (waiting its turn)',
  Done: 'Done (success or failure)',
  Refused: 'Refused',
  TimedOut: 'No answer',
  Expired: 'Expired (never sent)',
  Cancelled: 'Cancelled (never sent)',
  Sending: 'Sending',
} satisfies Record<ActionPhase, string>;
const PHASES = Object.entries(PHASE_LABELS).map(([value, label]) => ({ value, label }));

export function HistoryView() {
  const stores = useStores();
  const { filter, total, pages, error, generation } = useStore(stores.history);
  const vehicles = useStore(stores.vehicles, (s) => s.items);
  const scrollRef = useRef<HTMLDivElement>(null);
  const names = new Map(vehicles.map((v) => [v.id, v.label ?? v.vin]));

  useEffect(() => {
    if (stores.history.getState().total === null) void stores.history.getState().setFilter({});
  }, [stores]);

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (total) void stores.history.getState().ensureRange(first, last);
  }, [stores, first, last, total, generation]);

  const setFilter = (change: Partial<typeof filter>) => {
    scrollRef.current?.scrollTo({ top: 0 });
    void stores.history.getState().setFilter(change);
  };

  return (
    <Stack gap="md">
      <PageHeader
        title="History"
        description={
          total === null ? 'Loading…' : `${total.toLocaleString()} command${total === 1 ? '' : 's'}`
        }
      />
      <Paper withBorder p="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="Vehicle"
            placeholder="All vehicles"
            searchable
            clearable
            data={vehicles.map((v) => ({ value: v.id, label: `${v.label ?? v.vin} · ${v.vin}` }))}
            value={filter.vehicle || null}
            onChange={(v) => setFilter({ vehicle: v ?? '' })}
            w={320}
          />
          <Select
            label="Feature"
            placeholder="All features"
            clearable
            data={FEATURE_ORDER.map((t) => ({ value: t, label: FEATURES[t].label }))}
            value={filter.type || null}
            onChange={(v) => setFilter({ type: v ?? '' })}
            w={200}
            data-testid="history-type"
          />
          <Select
            label="State"
            placeholder="Any state"
            clearable
            data={PHASES}
            value={filter.phase || null}
            onChange={(v) => setFilter({ phase: v ?? '' })}
            w={240}
          />
        </Group>
      </Paper>
      <ErrorSummary error={error} />
      <Paper
        withBorder
        className={classes.table}
        role="table"
        aria-label="Command history"
        aria-rowcount={(total ?? 0) + 1}
      >
        <div className={classes.header} role="row" aria-rowindex={1}>
          <span role="columnheader">When</span>
          <span role="columnheader">Vehicle</span>
          <span role="columnheader">Feature</span>
          <span role="columnheader">Outcome</span>
          <span role="columnheader">Request</span>
          <span role="columnheader">Sent by</span>
        </div>
        <div
          ref={scrollRef}
          className={classes.scroller}
          data-testid="history-scroller"
          tabIndex={0}
          aria-label="History rows"
        >
          {total === null ? <Loader m="md" aria-label="Loading the history" /> : null}
          {total === 0 ? (
            <Text p="md" c="dimmed">
              No command matches.
            </Text>
          ) : null}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const action = rowAt({ pages }, item.index);
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={classes.row}
                  data-testid={action ? 'history-row' : 'history-placeholder'}
                  data-type={action?.type}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  {action ? (
                    <>
                      <span role="cell">
                        <Anchor
                          href={`#/actions/${encodeURIComponent(action.remoteActionId)}`}
                          title={clockText(action.createdAt)}
                        >
                          {shortClockText(action.createdAt)}
                        </Anchor>
                      </span>
                      <span role="cell">
                        <Text fw={600} size="sm" truncate>
                          {names.get(action.vehicleId) ?? action.vin}
                        </Text>
                        <Text size="xs" ff="monospace" c="dimmed">
                          {action.vin}
                        </Text>
                      </span>
                      <span role="cell">{featureLabel(action.type)}</span>
                      <span role="cell">
                        <OutcomeBadge action={action} size="md" />
                      </span>
                      <span role="cell">
                        <Text size="sm" truncate>
                          {remoteSummary(action.remote)}
                        </Text>
                        {verdictOf(action) === 'failure' ? (
                          <Text size="xs" c="red.8" truncate>
                            {action.explanation.title}
                          </Text>
                        ) : null}
                        {action.queue ? (
                          <Text size="xs" c="dimmed" truncate data-testid="history-queue-position">
                            {positionText(action.queue.position)}
                          </Text>
                        ) : null}
                      </span>
                      <span role="cell">
                        <Text
                          size="sm"
                          truncate
                          title={sentByText(action.sentBy, action.approvedBy, action.operator) ?? undefined}
                        >
                          {action.sentBy ? actorText(action.sentBy) : (action.operator ?? '—')}
                        </Text>
                        {action.approvedBy ? (
                          <Text size="xs" c="dimmed" truncate>
                            {approvedByText(action.approvedBy)}
                          </Text>
                        ) : null}
                      </span>
                    </>
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
