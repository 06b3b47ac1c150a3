// Delivery ids (= Standard Webhooks webhook-id): UUIDv7, so ids made later sort later (index locality, and
// a tie-breaker that keeps "oldest first" when many deliveries share a millisecond).
import { randomBytes } from 'node:crypto';

const POOL = 8 * 512;

export function createIdGenerator(nowMs: () => number): () => string {
  let lastMs = -1;
  let seq = 0;
  let pool = randomBytes(POOL);
  let offset = 0;
  return () => {
    let ms = nowMs();
    if (ms <= lastMs) {
      ms = lastMs;
      seq += 1;
      if (seq > 0xfff) {
        ms += 1;
        seq = 0;
      }
    } else {
      seq = 0;
    }
    lastMs = ms;
    if (offset + 8 > POOL) {
      pool = randomBytes(POOL);
      offset = 0;
    }
    const rand = pool.subarray(offset, offset + 8);
    offset += 8;
    const hex =
      ms.toString(16).padStart(12, '0') +
      '7' +
      seq.toString(16).padStart(3, '0') +
      ((rand[0]! & 0x3f) | 0x80).toString(16).padStart(2, '0') +
      rand.subarray(1).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  };
}
