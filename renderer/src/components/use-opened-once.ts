// A dialog that has never been opened is not in the page at all: a closed Mantine Modal still mounts its portal,
// focus trap and transition (a node added to the body after the first render, and a second render of its own), and
// the shell and the fleet hold several. From its first opening on it stays mounted, so it closes with its
// transition and keeps what it was showing.
import { useState } from 'react';

/** True from the first time `opened` is true. */
export function useOpenedOnce(opened: boolean): boolean {
  const [once, setOnce] = useState(opened);
  if (opened && !once) setOnce(true);
  return once || opened;
}
