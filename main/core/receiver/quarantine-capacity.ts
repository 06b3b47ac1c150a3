// The quarantine's size cap. Authenticated senders can post bodies the agent cannot apply as fast as the flood
// limit lets them; each is kept, so the table needs a ceiling. Past it, what can go goes (resolved entries,
// then malformed ones, oldest first, each drop in the audit log). Entries waiting for an action the agent does
// not know yet are well-formed notifications of the network: they are never dropped. When only they remain,
// a request that needs quarantine is refused with 500 (QUARANTINE_FULL) so that the network retries it later.

/** Default cap: AgentOptions.quarantineMaxMb's default, 100 MiB. */
export const DEFAULT_QUARANTINE_CAP_BYTES = 100 * 1024 * 1024;

/** The audit action of an entry dropped to make room. */
export const QUARANTINE_DROP_ACTION = 'quarantine.drop';

/** Who the audit log names for drops (the receiver does them by itself). */
export const QUARANTINE_DROP_OPERATOR = 'receiver';

export interface QuarantineCapacity {
  /** What the entries weigh now. */
  bytes: number;
  capBytes: number;
  /** What the entries waiting for their action weigh (never dropped). */
  waitingBytes: number;
  /**
   * True while the receiver refuses requests that need quarantine: the last one found no room (only entries
   * waiting for their action remain) and nothing was freed since, or those entries alone fill the cap.
   */
  full: boolean;
}

/** A request needed quarantine and the cap left no room: nothing of it was stored. */
export class QuarantineFullError extends Error {
  readonly code = 'QUARANTINE_FULL';
  constructor(
    readonly needed: number,
    readonly capBytes: number,
  ) {
    super(
      `The quarantine is full (cap ${capBytes} bytes, taken by notifications waiting for their remote action): ` +
        'replay or resolve some, or raise --quarantine-max-mb.',
    );
  }
}
