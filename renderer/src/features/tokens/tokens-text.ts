// The Tokens page's title, for the admin-only guard around it (app/Routes.tsx): read at each use, so it follows
// the language. The page's other words are t('tokens:…') calls where they are shown.
import { t } from '../../i18n/index.js';

export const TOKENS_TEXT = {
  get title(): string {
    return t('tokens:title');
  },
};
