// A bulk command ending, said as the done-notifier says a single command's end: the feature, how many vehicles
// succeeded, failed and were skipped; a click brings the app forward on the bulk's page.
import type { BulkSummaryDto } from '../../../preload/contract/routines.js';
import { bulkCountsText, BULK_STATUS_LABELS } from '../features/bulks/bulk-text.js';
import { featureLabel } from '../features/remotes/features.js';

export function bulkFinishedMessage(bulk: BulkSummaryDto): { title: string; body: string } {
  return {
    title: `${featureLabel(bulk.type)} to ${bulk.counts.total.toLocaleString()} vehicles: ${BULK_STATUS_LABELS[
      bulk.status
    ].toLowerCase()}`,
    body: bulkCountsText(bulk.counts),
  };
}

export function createBulkNotifier(options: { open(bulkId: string): void; enabled(): boolean }) {
  return (bulk: BulkSummaryDto) => {
    if (!options.enabled() || typeof Notification === 'undefined' || Notification.permission !== 'granted')
      return;
    const { title, body } = bulkFinishedMessage(bulk);
    const notification = new Notification(title, { body, tag: `bulk-${bulk.bulkId}` });
    notification.onclick = () => {
      window.focus();
      options.open(bulk.bulkId);
      notification.close();
    };
  };
}
