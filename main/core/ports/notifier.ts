import type { BulkItemState, BulkStatus, RemoteType } from '../../../preload/contract/vocabulary.js';
import type { RemoteAction } from '../domain/action.js';

/** A bulk command whose vehicles have all reached their end (a cancelled one too, once those sent settled). */
export interface BulkFinished {
  bulkId: string;
  type: RemoteType;
  status: Exclude<BulkStatus, 'running'>;
  counts: { total: number } & Record<BulkItemState, number>;
}

/** Told when an action completes. The tray implements it on the desktop; headless, it logs. */
export interface Notifier {
  actionCompleted(action: RemoteAction): void;
  /** Told when a bulk command finishes, with its counts (issue 16). Optional: a host may say nothing. */
  bulkFinished?(summary: BulkFinished): void;
}
