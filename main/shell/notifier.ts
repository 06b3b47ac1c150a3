// The desktop's Notifier: a native notification when a remote action completes (Success, AlreadyDone, or Failed
// with the plain-language cause and what to do), whose click brings the window forward on that action; and one when
// a bulk command finishes, with its counts. The core hands over codes (the action's explanation); the words are the
// catalogs', in the OS's language (issue 17).
import { Notification } from 'electron';
import type { TFunction } from 'i18next';
import type { RemoteAction } from '../core/domain/action.js';
import { explainAction } from '../core/domain/explanations.js';
import { createTranslator, type Translator } from '../core/i18n/translator.js';
import type { Logger } from '../core/ports/logger.js';
import type { BulkFinished, Notifier } from '../core/ports/notifier.js';
import { type Language, SOURCE_LANGUAGE } from '../../preload/contract/locales.js';
import { BULK_ITEM_STATES } from '../../preload/contract/vocabulary.js';

let shared: Translator | null = null;
/** One translator for the process's notifications, made on first use (it loads every catalog it renders). */
const translator = (): Translator => (shared ??= createTranslator());
/**
 * `t` in `language`, typed for the namespaces notifications use, so each key is checked against the English catalogs
 * (Translator.for is typed for the default namespace only).
 */
const wordsIn = (language: Language) =>
  translator().for(language) as unknown as TFunction<['explain', 'notices', 'vocab']>;

export function notificationContent(
  action: RemoteAction,
  vehicleName: string,
  language: Language = SOURCE_LANGUAGE,
): { title: string; body: string } {
  const t = wordsIn(language);
  const { code, params } = explainAction(action);
  const values = { ...params };
  const words = {
    title: t(`explain:${code}.title`, values),
    text: t(`explain:${code}.text`, values),
    next: t(`explain:${code}.next`, values),
  };
  const title = t('notices:action.title', {
    feature: t(`vocab:feature.${action.type}`),
    vehicle: vehicleName,
    outcome: action.outcome ? t('notices:action.outcome', { outcome: action.outcome }) : words.title,
  });
  const body = action.outcome === 'Failed' ? t('notices:action.failed', words) : words.text;
  return { title, body };
}

/** "Doors to 10 vehicles: finished" / "8 done · 1 failed · 1 skipped". */
export function bulkNotificationContent(
  summary: BulkFinished,
  language: Language = SOURCE_LANGUAGE,
): { title: string; body: string } {
  const t = wordsIn(language);
  const { counts } = summary;
  const title = t('notices:bulk.title', {
    feature: t(`vocab:feature.${summary.type}`),
    count: counts.total,
    status: summary.status,
  });
  // A list of counts, not a sentence: each count is its own message.
  const body = BULK_ITEM_STATES.filter((s) => counts[s] > 0)
    .map((s) => t(`notices:bulk.count.${s}`, { count: counts[s] }))
    .join(' · ');
  return { title, body: body || t('notices:bulk.none') };
}

export interface DesktopNotifierDeps {
  /** The language of the words (the OS's, pickLanguage of its preferred languages); English when not given. */
  language?: Language;
  /** The vehicle's label, or undefined (the VIN is shown then). */
  vehicleName(vehicleId: string): string | undefined;
  openAction(remoteActionId: string): void;
  /** The "desktop notifications" setting. */
  enabled(): boolean | Promise<boolean>;
  logger: Logger;
}

/** Notifications still on screen: Electron drops the click handler of one that is garbage-collected. */
const MAX_KEPT = 50;

export function createDesktopNotifier(
  deps: DesktopNotifierDeps,
): Required<Notifier> & { onScreen(): number } {
  const kept = new Set<Notification>();
  const forget = (n: Notification) => kept.delete(n);

  async function show(
    content: () => { title: string; body: string },
    urgency: 'critical' | 'normal',
    onClick?: () => void,
  ) {
    if (!Notification.isSupported() || !(await deps.enabled())) return;
    const notification = new Notification({ ...content(), urgency });
    notification.on('click', () => {
      forget(notification);
      onClick?.();
    });
    notification.on('close', () => forget(notification));
    notification.on('failed', (_event, error) => {
      forget(notification);
      deps.logger.warn('notification could not be shown', { error });
    });
    kept.add(notification);
    if (kept.size > MAX_KEPT) forget(kept.values().next().value!);
    notification.show();
  }

  const failed = (err: unknown) => deps.logger.warn('notification failed', { error: (err as Error).message });
  return {
    actionCompleted(action) {
      show(
        () => notificationContent(action, deps.vehicleName(action.vehicleId) ?? action.vin, deps.language),
        action.outcome === 'Failed' ? 'critical' : 'normal',
        () => deps.openAction(action.id),
      ).catch(failed);
    },
    bulkFinished(summary) {
      show(() => bulkNotificationContent(summary, deps.language), 'normal').catch(failed);
    },
    onScreen: () => kept.size,
  };
}
