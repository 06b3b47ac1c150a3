// Moving between the rows of a long list from the keyboard (the grid pattern's row moves): one tab stop for the
// whole list, the arrows, Page Up/Down, Home and End move it. Pure, so a virtualized list and its tests share it.

export type RowMove = 'next' | 'previous' | 'page-down' | 'page-up' | 'first' | 'last';

const MOVES: Readonly<Record<string, RowMove>> = {
  ArrowDown: 'next',
  ArrowUp: 'previous',
  PageDown: 'page-down',
  PageUp: 'page-up',
  Home: 'first',
  End: 'last',
};

export function rowMoveOf(key: string): RowMove | null {
  return MOVES[key] ?? null;
}

/** The row a move lands on, within 0…count−1; `page` is how many rows one screen holds. */
export function movedRow(move: RowMove, current: number, count: number, page: number): number {
  if (count <= 0) return 0;
  const last = count - 1;
  const step = Math.max(1, page);
  const clamp = (i: number) => Math.min(last, Math.max(0, i));
  switch (move) {
    case 'next':
      return clamp(current + 1);
    case 'previous':
      return clamp(current - 1);
    case 'page-down':
      return clamp(current + step);
    case 'page-up':
      return clamp(current - step);
    case 'first':
      return 0;
    case 'last':
      return last;
  }
}

/** Whether a key press is someone typing (a field, an editable area), where a page's shortcuts must keep out. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(
    type,
  );
}
