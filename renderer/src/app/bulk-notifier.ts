// A bulk command ending, said as the done-notifier says a single command's end: the feature, how many vehicles
// succeeded, failed and were skipped (the same words as the desktop's notification, notices:bulk.*); a click brings
// the app forward on the bulk's page.
import type { BulkSummaryDto } from '../../../preload/contract/routines.js';
import { BULK_ITEM_STATES } from '../../../preload/contract/vocabulary.js';
import { t } from '../i18n/index.js';
import { featureLabel } from '../features/remotes/features.js';

export function bulkFinishedMessage(bulk: BulkSummaryDto): { title: string; body: string } {
  const { counts } = bulk;
  // A list of counts, not a sentence: each count is its own message, joined as the desktop joins them.
  const parts = BULK_ITEM_STATES.filter((state) => counts[state] > 0).map((state) =>
    t(`notices:bulk.count.${state}`, { count: counts[state] }),
  );
  return {
    title: t('notices:bulk.title', {
      feature: featureLabel(bulk.type),
      count: counts.total,
      status: bulk.status,
    }),
    body: parts.length > 0 ? parts.join(' · ') : t('notices:bulk.none'),
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
