// A small seeded pseudo-random generator (mulberry32) so a simulator run is repeatable: the same seed gives
// the same remote ids, timings and readings. Not for anything secret.

export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** `value` moved by up to ±`fraction` of itself. */
  jitter(value: number, fraction: number): number;
  /** `length` lower-case hex characters. */
  hex(length: number): string;
}

/** mulberry32: 32-bit state, full period, good enough spread for a simulation. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A generator for one purpose. Separate streams (ids, timing, readings) keep one purpose's draws from shifting
 * another's: adding a reading to the fleet does not change the remote ids of a run.
 */
export function seededRandom(seed: number, stream = 0): SeededRandom {
  const next = mulberry32((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b)) >>> 0);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    jitter: (value, fraction) => value * (1 + (next() * 2 - 1) * fraction),
    hex(length) {
      let out = '';
      while (out.length < length)
        out += Math.floor(next() * 0x100000000)
          .toString(16)
          .padStart(8, '0');
      return out.slice(0, length);
    },
  };
}
