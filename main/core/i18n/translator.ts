// Words at the process's edges (issue 17): the local API's error messages (by Accept-Language) and the desktop's
// native notifications are rendered here from the same catalogs as the interface (resources/locales), with the
// same ICU syntax; the core itself hands over codes and parameters only. The catalogs the main process needs are
// bundled with it (static imports: the built app reads no catalog file at run time).
import i18next, { type TFunction } from 'i18next';
import ICU from 'i18next-icu';
import {
  type Language,
  LANGUAGES,
  SOURCE_LANGUAGE,
  acceptedLanguages,
  pickLanguage,
} from '../../../preload/contract/locales.js';
import enErrors from '../../../resources/locales/en/errors.json';
import enExplain from '../../../resources/locales/en/explain.json';
import enNotices from '../../../resources/locales/en/notices.json';
import enVocab from '../../../resources/locales/en/vocab.json';
import frErrors from '../../../resources/locales/fr/errors.json';
import frExplain from '../../../resources/locales/fr/explain.json';
import frNotices from '../../../resources/locales/fr/notices.json';
import frVocab from '../../../resources/locales/fr/vocab.json';
import itErrors from '../../../resources/locales/it/errors.json';
import itExplain from '../../../resources/locales/it/explain.json';
import itNotices from '../../../resources/locales/it/notices.json';
import itVocab from '../../../resources/locales/it/vocab.json';
import deErrors from '../../../resources/locales/de/errors.json';
import deExplain from '../../../resources/locales/de/explain.json';
import deNotices from '../../../resources/locales/de/notices.json';
import deVocab from '../../../resources/locales/de/vocab.json';
import esErrors from '../../../resources/locales/es/errors.json';
import esExplain from '../../../resources/locales/es/explain.json';
import esNotices from '../../../resources/locales/es/notices.json';
import esVocab from '../../../resources/locales/es/vocab.json';

/** The namespaces the main process renders: error messages, explanations, notifications and shared labels. */
export const MAIN_NAMESPACES = ['errors', 'explain', 'notices', 'vocab'] as const;

const RESOURCES = {
  en: { errors: enErrors, explain: enExplain, notices: enNotices, vocab: enVocab },
  fr: { errors: frErrors, explain: frExplain, notices: frNotices, vocab: frVocab },
  it: { errors: itErrors, explain: itExplain, notices: itNotices, vocab: itVocab },
  de: { errors: deErrors, explain: deExplain, notices: deNotices, vocab: deVocab },
  es: { errors: esErrors, explain: esExplain, notices: esNotices, vocab: esVocab },
};

/** A `t` for the main process's namespaces, keys written `<namespace>:<key>`. */
export type MainT = TFunction<typeof MAIN_NAMESPACES>;

export interface Translator {
  /** A `t` bound to one language. */
  for(language: Language): MainT;
  /** The language for an Accept-Language header (English when none is supported). */
  fromAcceptLanguage(header: string | undefined): Language;
  /** Whether the catalogs have this key (a code with no words yet keeps its English fallback). */
  has(key: string): boolean;
}

/** One i18next instance for the process, all languages loaded at once (a few hundred messages). */
export function createTranslator(): Translator {
  const instance = i18next.createInstance();
  void instance.use(ICU).init({
    initAsync: false,
    lng: SOURCE_LANGUAGE,
    fallbackLng: SOURCE_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: [...MAIN_NAMESPACES],
    defaultNS: 'errors',
    keySeparator: false,
    nsSeparator: ':',
    resources: RESOURCES,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const fixed = new Map<Language, MainT>(
    LANGUAGES.map((l) => [l, instance.getFixedT(l, [...MAIN_NAMESPACES])]),
  );
  return {
    for: (language) => fixed.get(language) ?? fixed.get(SOURCE_LANGUAGE)!,
    fromAcceptLanguage: (header) => pickLanguage(acceptedLanguages(header)),
    has: (key) => instance.exists(key, { lng: SOURCE_LANGUAGE }),
  };
}
