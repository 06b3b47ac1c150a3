// Brings an element into view when something new appears in it (a command just sent, its timeline moving on), with
// the least scrolling: after pressing Send, the live timeline below the form must not stay below the fold.
import { useEffect, useRef } from 'react';

export function useKeepInView<T extends HTMLElement>(key: string | null | undefined) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (key) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [key]);
  return ref;
}
