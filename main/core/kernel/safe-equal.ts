import { createHmac, timingSafeEqual } from 'node:crypto';

/** Compares two secrets in constant time, whatever their lengths. */
export function safeEqual(a: string, b: string): boolean {
  // Hash both sides first: equal lengths for timingSafeEqual, and no early exit that reveals the length.
  const x = createHmac('sha256', 'depot-remote-compare').update(a).digest();
  const y = createHmac('sha256', 'depot-remote-compare').update(b).digest();
  return timingSafeEqual(x, y);
}
