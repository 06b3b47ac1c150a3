// A check of the update feed that could not say yes or no: a code with its values, worded by the edges
// (errors:code.<CODE>), like every refusal of the core.
import type { UpdateErrorCode } from '../../../preload/contract/updates.js';

export class UpdateError extends Error {
  constructor(
    readonly code: UpdateErrorCode,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(code);
    this.name = 'UpdateError';
  }
}
