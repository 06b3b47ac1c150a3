// Why a queued delivery waits, in words: the core sends a code and its values (preload/contract/deliveries.ts,
// DELIVERY_HELD_REASONS); its times are read as local clock times.
import type { HeldReasonDto } from '../../../../preload/contract/deliveries.js';
import { timeText } from '../../components/time-text.js';
import { t } from '../../i18n/index.js';

export function heldReasonText(reason: HeldReasonDto): string {
  const p = reason.params;
  switch (reason.code) {
    case 'CALLBACK_DELETED':
      return t('deliveries:held.callbackDeleted');
    case 'CALLBACK_PAUSED':
      return t('deliveries:held.callbackPaused');
    case 'CALLBACK_FAILED':
      return t('deliveries:held.callbackFailed');
    case 'CALLBACK_SECRETS_LOST':
      return t('deliveries:held.secretsLost');
    case 'TARGET_GONE':
      return t('deliveries:held.targetGone', { target: p.target ?? '' });
    case 'TARGET_URL_INVALID':
      return t('deliveries:held.targetUrlInvalid', { target: p.target ?? '' });
    case 'TARGET_RETRY_AFTER':
      return t('deliveries:held.retryAfter', { until: timeText(p.until) });
    case 'TARGET_UNREACHABLE': {
      const since = timeText(p.since);
      // A callback's row in the targets list: the target row beside it names the error and the next probe.
      if (p.origin === undefined) return t('deliveries:held.targetUnreachableSince', { since });
      const unreachable =
        p.lastError === undefined
          ? t('deliveries:held.targetUnreachable.noAnswer', { origin: p.origin, since })
          : t('deliveries:held.targetUnreachable', { origin: p.origin, since, error: p.lastError });
      return p.nextProbeAt === undefined
        ? unreachable
        : `${unreachable} ${t('deliveries:held.nextProbe', { time: timeText(p.nextProbeAt) })}`;
    }
  }
}
