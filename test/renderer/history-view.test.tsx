// @vitest-environment jsdom
// The history with 100,000 actions: only the rows in view (and a few either side) exist, found from the scroll
// offset alone; scrolling reads the pages those rows need; and the table is valid as a table — two row groups, rows
// only in each (a loading or empty note is a row too), the rows' group one tab stop for the keyboard's scrolling.
import './helpers/dom.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OperationInput } from '../../preload/contract/operations/index.js';
import { HistoryView } from '../../renderer/src/features/history/HistoryView.js';
import { action, fakeClient } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

const TOTAL = 100_000;
const ROW_HEIGHT = 64;

/** A client whose history holds `total` actions, made as pages are asked for. */
function historyOf(total: number) {
  const client = fakeClient();
  client.listRemotes.mockImplementation(async (q: OperationInput<'listRemotes'> = {}) => {
    const offset = q.offset ?? 0;
    const limit = q.limit ?? 50;
    const count = Math.max(0, Math.min(limit, total - offset));
    const items = Array.from({ length: count }, (_, i) =>
      action({ remoteActionId: `ra-${offset + i}`, type: (offset + i) % 2 ? 'Horn' : 'Doors' }),
    );
    return { items, total, limit, offset };
  });
  return client;
}

/** What the accessibility tree puts directly under `el`: its children, looking through plain wrappers. */
function owned(el: Element): Element[] {
  return [...el.children].flatMap((child) => {
    const plain =
      !child.hasAttribute('role') &&
      !child.hasAttribute('tabindex') &&
      ![...child.attributes].some((a) => a.name.startsWith('aria-'));
    return plain ? owned(child) : [child];
  });
}

const rowIndexes = () =>
  screen.getAllByTestId('history-row').map((r) => Number(r.getAttribute('aria-rowindex')) - 2);

describe('the history with 100,000 actions', () => {
  it('renders only the rows in view and a few either side, as a valid table', async () => {
    renderWithStores(<HistoryView />, historyOf(TOTAL));
    const table = screen.getByRole('table', { name: 'Command history' });
    await waitFor(() => expect(screen.getAllByTestId('history-row').length).toBeGreaterThan(0));
    expect(table.getAttribute('aria-rowcount')).toBe(String(TOTAL + 1));
    const indexes = rowIndexes();
    expect(indexes[0]).toBe(0);
    expect(indexes.length).toBeLessThan(30);
    expect(indexes).toEqual(indexes.map((_, i) => i));

    const groups = owned(table);
    expect(groups.map((g) => g.getAttribute('role'))).toEqual(['rowgroup', 'rowgroup']);
    for (const group of groups)
      expect(owned(group).every((child) => child.getAttribute('role') === 'row')).toBe(true);
    const rows = screen.getByRole('rowgroup', { name: 'History rows' });
    expect(rows.tabIndex).toBe(0);
    expect(
      within(groups[0] as HTMLElement)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['When', 'Vehicle', 'Feature', 'Outcome', 'Request', 'Sent by']);
  });

  it('follows the scroll offset, reading the pages the rows in view need', async () => {
    const client = historyOf(TOTAL);
    renderWithStores(<HistoryView />, client);
    const scroller = await screen.findByTestId('history-scroller');
    await waitFor(() => expect(screen.getAllByTestId('history-row').length).toBeGreaterThan(0));

    scroller.scrollTop = 1000 * ROW_HEIGHT;
    fireEvent.scroll(scroller);
    await waitFor(() => expect(rowIndexes()).toContain(1000));
    const indexes = rowIndexes();
    expect(Math.min(...indexes)).toBeGreaterThan(980);
    expect(Math.max(...indexes)).toBeLessThan(1030);
    expect(indexes.length).toBeLessThan(30);
    // Rows 994–1013 are on pages 4 and 5 (of 200).
    const offsets = client.listRemotes.mock.calls.map(([q]) => q?.offset);
    expect(offsets).toEqual(expect.arrayContaining([800, 1000]));
    const row = screen
      .getAllByTestId('history-row')
      .find((r) => r.getAttribute('aria-rowindex') === String(1000 + 2))!;
    expect(row.style.transform).toBe(`translateY(${1000 * ROW_HEIGHT}px)`);

    // Then the end of the list: its last row.
    scroller.scrollTop = TOTAL * ROW_HEIGHT;
    fireEvent.scroll(scroller);
    await waitFor(() => expect(rowIndexes()).toContain(TOTAL - 1));
    expect(Math.max(...rowIndexes())).toBe(TOTAL - 1);
  });

  it('says it is loading, then that nothing matches, each as a row of the table', async () => {
    let answer: (value: { items: never[]; total: number; limit: number; offset: number }) => void = () => {};
    const client = fakeClient();
    client.listRemotes.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    renderWithStores(<HistoryView />, client);
    const rows = screen.getByRole('rowgroup', { name: 'History rows' });
    const loading = within(rows).getByRole('status', { name: 'Loading the history' });
    expect(loading.closest('[role="row"]')?.parentElement).toBe(rows);
    answer({ items: [], total: 0, limit: 200, offset: 0 });
    const none = await within(rows).findByText('No command matches.');
    expect(none.getAttribute('role')).toBe('cell');
    expect(none.closest('[role="row"]')?.parentElement).toBe(rows);
    expect(within(rows).queryByRole('status')).toBeNull();
  });
});
