// The Operators page's title, for the admin-only guard around it (app/Routes.tsx): read at each use, so it
// follows the language. The page's other words are t('operators:…') calls where they are shown.
import { t } from '../../i18n/index.js';

export const OPERATORS_TEXT = {
  get title(): string {
    return t('operators:title');
  },
};
