// The interface's language (issue 17): i18next with ICU messages (i18next-icu), the catalogs of
// resources/locales bundled — English at once (the source, and the fallback of any missing key), each other
// language fetched when chosen. Components and plain functions alike call `t('<namespace>:<key>', params)`; the app
// renders again when the language changes (App.tsx keys its tree on it). Dates and numbers: ./format.ts.
import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import {
  type Language,
  LANGUAGES,
  NAMESPACES,
  PSEUDO_LANGUAGE,
  SOURCE_LANGUAGE,
  formattingLocale,
  isLanguage,
  pickLanguage,
} from '../../../preload/contract/locales.js';
import { setFormatLocale } from './format.js';
import { pseudoCatalog } from './pseudo.js';

type Catalog = Record<string, string>;

const english = import.meta.glob<Catalog>('../../../resources/locales/en/*.json', {
  eager: true,
  import: 'default',
});
const others = import.meta.glob<Catalog>(
  ['../../../resources/locales/*/*.json', '!../../../resources/locales/en/*.json'],
  { import: 'default' },
);

const namespaceOf = (path: string) => path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
const languageOf = (path: string) => path.split('/').at(-2);

function englishCatalogs(): Record<string, Catalog> {
  return Object.fromEntries(Object.entries(english).map(([path, c]) => [namespaceOf(path), c]));
}

async function catalogsOf(language: Language | typeof PSEUDO_LANGUAGE): Promise<Record<string, Catalog>> {
  if (language === SOURCE_LANGUAGE) return englishCatalogs();
  if (language === PSEUDO_LANGUAGE) {
    return Object.fromEntries(Object.entries(englishCatalogs()).map(([ns, c]) => [ns, pseudoCatalog(c)]));
  }
  const files = Object.entries(others).filter(([path]) => languageOf(path) === language);
  const loaded = await Promise.all(
    files.map(async ([path, load]) => [namespaceOf(path), await load()] as const),
  );
  return Object.fromEntries(loaded);
}

/** The languages the browser (or the desktop's OS, through Chromium) prefers, most preferred first. */
export function preferredLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
}

const STORAGE_KEY = 'depot-remote.language';
/** A choice is kept per operator where operators exist (one workstation, several technicians), else per browser. */
const storageKey = (operatorId?: string | null) =>
  operatorId ? `${STORAGE_KEY}.${operatorId}` : STORAGE_KEY;

function storedChoice(operatorId?: string | null): string | null {
  try {
    return localStorage.getItem(storageKey(operatorId));
  } catch {
    return null;
  }
}

/** What a language setting can be: one of the five, the pseudo-locale (tests, translators), or the browser's. */
export type LanguageChoice = Language | typeof PSEUDO_LANGUAGE | 'auto';

/** The language to show: the stored choice (`?lang=` in the address wins, for tests), else the browser's. */
export function languageToUse(operatorId?: string | null): Language | typeof PSEUDO_LANGUAGE {
  const fromAddress =
    typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('lang');
  for (const candidate of [fromAddress, storedChoice(operatorId), storedChoice()]) {
    if (candidate === PSEUDO_LANGUAGE || isLanguage(candidate)) return candidate;
  }
  return pickLanguage(preferredLanguages());
}

/** The stored choice, 'auto' when none (the browser's language is followed). */
export function languageChoice(operatorId?: string | null): LanguageChoice {
  const stored = storedChoice(operatorId) ?? storedChoice();
  return stored === PSEUDO_LANGUAGE || isLanguage(stored) ? stored : 'auto';
}

let started: Promise<void> | null = null;

/** Starts i18next in the language to use; English is ready at once, another language once its catalogs arrive. */
export function startI18n(language = languageToUse()): Promise<void> {
  started ??= i18next
    .use(ICU)
    .use(initReactI18next)
    .init({
      lng: SOURCE_LANGUAGE,
      fallbackLng: SOURCE_LANGUAGE,
      supportedLngs: [...LANGUAGES, PSEUDO_LANGUAGE],
      ns: [...NAMESPACES],
      defaultNS: 'common',
      keySeparator: false,
      nsSeparator: ':',
      resources: { [SOURCE_LANGUAGE]: englishCatalogs() },
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: false },
    })
    .then(() => applyLanguage(language));
  return started;
}

async function applyLanguage(language: Language | typeof PSEUDO_LANGUAGE): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'common')) {
    for (const [ns, catalog] of Object.entries(await catalogsOf(language))) {
      i18next.addResourceBundle(language, ns, catalog, true, true);
    }
  }
  setFormatLocale(
    language === PSEUDO_LANGUAGE ? SOURCE_LANGUAGE : formattingLocale(language, preferredLanguages()),
  );
  await i18next.changeLanguage(language);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language === PSEUDO_LANGUAGE ? 'en-XA' : language;
  }
}

/** Chooses the language (saved for this operator, or this browser) and switches to it; 'auto' follows the browser. */
export async function chooseLanguage(choice: LanguageChoice, operatorId?: string | null): Promise<void> {
  try {
    if (choice === 'auto') localStorage.removeItem(storageKey(operatorId));
    else localStorage.setItem(storageKey(operatorId), choice);
  } catch {
    // Storage refused (private window): the choice holds for this page.
  }
  await applyLanguage(choice === 'auto' ? pickLanguage(preferredLanguages()) : choice);
}

/** Switches to an operator's own choice once they are signed in (nothing happens when they made none). */
export async function followOperatorLanguage(operatorId: string): Promise<void> {
  const wanted = languageToUse(operatorId);
  if (wanted !== i18next.language) await applyLanguage(wanted);
}

/** The language shown now. */
export function currentLanguage(): string {
  return i18next.language ?? SOURCE_LANGUAGE;
}

const translate = i18next.t.bind(i18next);
const call = translate as unknown as (...args: unknown[]) => unknown;

/**
 * Texts already made, by language, key and parameters. A list redraws the same few texts on every row and every
 * filter (nine capability titles a fleet row, the same labels down a column); i18next resolves, formats and
 * interpolates each call anew (20–30 µs), a lookup here is a fraction of that. Emptied when the language or a
 * catalog changes; only calls whose parameters are all plain values are kept.
 */
const made = new Map<string, string>();
/** Enough for every text of a few screens; past it the memory starts again (a long session's many names). */
const MADE_MAX = 20_000;
const forget = () => made.clear();
i18next.on('languageChanged', forget);
i18next.on('initialized', () => i18next.store.on('added', forget));

function madeKey(key: unknown, params: unknown): string | null {
  if (typeof key !== 'string') return null;
  if (params === undefined) return `${i18next.language}\u0000${key}`;
  if (typeof params !== 'object' || params === null) return null;
  let text = `${i18next.language}\u0000${key}`;
  for (const [name, value] of Object.entries(params)) {
    const type = typeof value;
    if (
      value !== null &&
      type !== 'string' &&
      type !== 'number' &&
      type !== 'boolean' &&
      type !== 'undefined'
    )
      return null;
    text += `\u0000${name}\u0001${type}\u0001${String(value)}`;
  }
  return text;
}

/** Anything in a catalog text that ICU reads: an argument, a quote, a tag, a plural's number. */
const ICU_SYNTAX = /[{}'<#]/;
/** Options that make i18next look elsewhere than the key named: another language or namespace, a context suffix. */
const KEY_OPTIONS = ['context', 'lng', 'lngs', 'ns', 'defaultValue'];

/** i18next-icu's formatter as i18next calls it (i18next.ICU): its compiled messages, kept by language and key. */
interface IcuFormatter {
  parse(
    text: string,
    params: object,
    language: string,
    ns: string,
    key: string,
    info: { resolved: { res: string } },
  ): unknown;
}

/**
 * What i18next would make of a catalog text, made without i18next's own path: the text found as i18next finds it
 * (the language shown, then its fallbacks); as it stands when it holds no ICU syntax (three texts in four: labels,
 * headings), which i18next would still compile as an ICU message the first time; else formatted by i18next-icu
 * exactly as i18next has it do (same compiled message, language and parameters). i18next's lookup, resolution and
 * post-processing around it were about half of a first render's time in `t` (traced on the fleet's page load:
 * ~10 ms of ~70). Null when it must go through i18next (a missing text, options that change the lookup).
 */
function direct(key: string, params: unknown): string | null {
  if (params !== undefined && KEY_OPTIONS.some((name) => name in (params as object))) return null;
  const colon = key.indexOf(':');
  const ns = colon < 0 ? 'common' : key.slice(0, colon);
  const name = colon < 0 ? key : key.slice(colon + 1);
  for (const language of i18next.languages ?? []) {
    const text: unknown = i18next.getResource(language, ns, name);
    if (text === undefined) continue;
    if (typeof text !== 'string') return null;
    if (!ICU_SYNTAX.test(text)) return text;
    const icu = (i18next as unknown as { ICU?: IcuFormatter }).ICU;
    if (!icu) return null;
    const values = { ...i18next.options.interpolation?.defaultVariables, ...(params as object | undefined) };
    const made = icu.parse(text, values, i18next.language, ns, name, { resolved: { res: text } });
    return typeof made === 'string' ? made : null;
  }
  return null;
}

/** Translates `<namespace>:<key>` with ICU parameters (typed against the English catalogs). */
export const t = ((key: unknown, params?: unknown, ...rest: unknown[]) => {
  const at = rest.length === 0 && i18next.isInitialized ? madeKey(key, params) : null;
  if (at === null) return call(key, params, ...rest);
  let text = made.get(at);
  if (text === undefined) {
    const value = direct(key as string, params) ?? call(key, params);
    if (typeof value !== 'string') return value;
    if (made.size >= MADE_MAX) made.clear();
    made.set(at, value);
    text = value;
  }
  return text;
}) as unknown as typeof translate;
