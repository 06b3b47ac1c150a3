// What a store's change answers its screen: the value, or the failure as the client reports it — never a throw,
// so a form shows the refusal next to its fields. Shared by every store that sends changes.
import type { ClientFailure } from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ClientFailure };

export async function attempt<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: asClientFailure(error) };
  }
}

/** The X-Depot-Operator field of a change, when a name was typed. */
export const operatorInput = (operator?: string) => (operator?.trim() ? { operator: operator.trim() } : {});
