// The vehicles of a bulk command (or of its preview), one line each: who, where it is (state), how its command
// ended, why it was skipped or failed, and a link to its own command. Virtualized: a thousand vehicles cost the ~15
// lines in view. The box scrolls from the keyboard (it is a tab stop); the links of the lines in view follow it.
import { Anchor, Badge } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { BulkItemDto } from '../../../../preload/contract/routines.js';
import { t } from '../../i18n/index.js';
import { BULK_ITEM_STATE_COLORS, bulkItemStateLabel, outcomeLabel, whyText } from './bulk-text.js';
import classes from './BulkItems.module.css';

const ROW_HEIGHT = 44;

/** The columns' headings, in the chosen language (asked at each render: the language can change). */
const columns = () => [
  t('bulks:items.column.vehicle'),
  t('bulks:items.column.state'),
  t('bulks:items.column.outcome'),
  t('bulks:items.column.why'),
  t('bulks:items.column.command'),
];

export function BulkItemsList({ items, label }: { items: readonly BulkItemDto[]; label: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    useFlushSync: false,
  });
  return (
    <div className={classes.frame}>
      <div role="table" aria-label={label} aria-rowcount={items.length + 1} className={classes.table}>
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className={classes.header}>
            {columns().map((c) => (
              <div role="columnheader" key={c}>
                {c}
              </div>
            ))}
          </div>
        </div>
        {/* The scrolling box is the rows' group itself: a table owns row groups only (axe's
            aria-required-children), and the box needs its name to be a tab stop that says what it scrolls. */}
        <div
          ref={scrollRef}
          role="rowgroup"
          className={classes.scroller}
          tabIndex={0}
          aria-label={t('bulks:items.scroll', { label })}
          data-testid="bulk-items-scroller"
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((row) => {
              const item = items[row.index]!;
              return (
                <div
                  role="row"
                  key={item.vehicleId}
                  aria-rowindex={row.index + 2}
                  className={classes.row}
                  style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
                  data-testid="bulk-item"
                  data-vehicle-id={item.vehicleId}
                  data-state={item.state}
                >
                  <div role="cell">
                    <span className={classes.name}>{item.label ?? item.vin}</span>
                    <span className={classes.vin}>{item.vin}</span>
                  </div>
                  <div role="cell">
                    <Badge
                      color={BULK_ITEM_STATE_COLORS[item.state]}
                      variant="light"
                      data-testid="item-state"
                    >
                      {bulkItemStateLabel(item.state)}
                    </Badge>
                  </div>
                  <div role="cell" data-testid="item-outcome">
                    {outcomeLabel(item.outcome)}
                  </div>
                  <div role="cell" data-testid="item-why" title={whyText(item) || undefined}>
                    {whyText(item)}
                  </div>
                  <div role="cell">
                    {item.remoteActionId ? (
                      <Anchor
                        href={`#/actions/${encodeURIComponent(item.remoteActionId)}`}
                        size="sm"
                        aria-label={t('bulks:items.openLabel', { name: item.label ?? item.vin })}
                      >
                        {t('bulks:items.open')}
                      </Anchor>
                    ) : (
                      <span className={classes.dimmed}>{t('bulks:items.notSent')}</span>
                    )}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
