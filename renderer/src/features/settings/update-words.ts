// The update state in the reader's words: one sentence per state, and a failed check's code worded from the
// `errors` catalog (errors:code.<CODE>) with its values, as every refusal is.
import i18next from 'i18next';
import { codeKey, messageValues } from '../../../../preload/contract/error-words.js';
import type { UpdateStateDto } from '../../../../preload/contract/updates.js';
import { formatDate, formatList, formatPercent } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';

/** A catalog key built from a code: i18next's typed `t` only takes literal keys. */
const translate = (key: string, values: Record<string, string | number>): string =>
  i18next.t(key as never, values as never) as unknown as string;

/** What a failed check, download or install says, in the reader's language. */
export function updateErrorText(code: string, params: Record<string, string | number> = {}): string {
  return translate(codeKey(code), messageValues(params, translate, formatList));
}

/** One sentence for the state (the error's own words are shown apart, with updateErrorText). */
export function updateStateText(state: UpdateStateDto): string {
  switch (state.kind) {
    case 'idle':
      return t('updates:state.idle');
    case 'checking':
      return t('updates:state.checking');
    case 'available':
      return state.releaseDate
        ? t('updates:state.availableReleased', {
            version: state.version,
            date: formatDate(state.releaseDate),
          })
        : t('updates:state.available', { version: state.version });
    case 'downloading':
      return t('updates:state.downloading', {
        version: state.version,
        percent: formatPercent(state.percent / 100),
      });
    case 'ready':
      return t('updates:state.ready', { version: state.version });
    case 'up-to-date':
      return t('updates:state.upToDate', { latest: state.latest });
    case 'error':
      return t('updates:state.error');
  }
}
