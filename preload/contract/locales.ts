// The languages the product speaks and how one is chosen (issue 17). The words themselves live in the catalogs,
// resources/locales/<language>/<namespace>.json (ICU message format, one file per screen area, edited by
// translators); English is the source every other catalog must match key for key.

export const LANGUAGES = ['en', 'fr', 'it', 'de', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const SOURCE_LANGUAGE: Language = 'en';

/**
 * Each language's name in itself, as a language picker shows it (a person looks for their own language's name).
 * Proper names, not translated.
 */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  fr: 'Français',
  it: 'Italiano',
  de: 'Deutsch',
  es: 'Español',
};

/**
 * A pseudo-locale for tests and translators: every message of the English catalog accented and bracketed
 * ("[Ŝéñð]"), so any text that is not pseudo-localised on screen is a string that escaped the catalogs.
 */
export const PSEUDO_LANGUAGE = 'pseudo';

/** The catalogs, one per area: a namespace's keys are used as `t('<namespace>:<key>')`. */
export const NAMESPACES = [
  'common',
  'vocab',
  'explain',
  'errors',
  'notices',
  'access',
  'audit',
  'backups',
  'bulks',
  'callbacks',
  'deliveries',
  'fleet',
  'groups',
  'history',
  'login',
  'operators',
  'policy',
  'quarantine',
  'remotes',
  'schedules',
  'session',
  'settings',
  'timeline',
  'tokens',
  'updates',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first supported language among the preferred ones (navigator.languages, an Accept-Language header, the
 * OS's preferred languages), by primary subtag: "fr-BE" → fr. English when none is supported.
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.trim().split(/[-_]/)[0]?.toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return SOURCE_LANGUAGE;
}

/** The languages of an Accept-Language header, most preferred first (q=0 excluded; malformed parts ignored). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...attrs] = part.trim().split(';');
      const q = attrs.map((a) => /^\s*q=([0-9.]+)\s*$/.exec(a)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((e) => /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(e.tag) && e.q > 0 && Number.isFinite(e.q))
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((e) => e.tag);
}

/**
 * The locale Intl formats with: the preferred tag itself when it is of the chosen language ("fr-BE" keeps
 * Belgian conventions), else the language alone.
 */
export function formattingLocale(language: Language, preferred: readonly string[]): string {
  const match = preferred.find((tag) => tag.split(/[-_]/)[0]?.toLowerCase() === language);
  return match ? match.replace('_', '-') : language;
}
