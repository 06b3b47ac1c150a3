// The English catalogs are the type of every `t('<namespace>:<key>')` call: a key that is not in them does not
// compile (the completeness test, test/i18n/catalogs.test.ts, then holds the other languages to the same keys).
import type access from '../../resources/locales/en/access.json';
import type audit from '../../resources/locales/en/audit.json';
import type backups from '../../resources/locales/en/backups.json';
import type bulks from '../../resources/locales/en/bulks.json';
import type callbacks from '../../resources/locales/en/callbacks.json';
import type common from '../../resources/locales/en/common.json';
import type deliveries from '../../resources/locales/en/deliveries.json';
import type errors from '../../resources/locales/en/errors.json';
import type explain from '../../resources/locales/en/explain.json';
import type fleet from '../../resources/locales/en/fleet.json';
import type groups from '../../resources/locales/en/groups.json';
import type history from '../../resources/locales/en/history.json';
import type login from '../../resources/locales/en/login.json';
import type notices from '../../resources/locales/en/notices.json';
import type operators from '../../resources/locales/en/operators.json';
import type policy from '../../resources/locales/en/policy.json';
import type quarantine from '../../resources/locales/en/quarantine.json';
import type remotes from '../../resources/locales/en/remotes.json';
import type schedules from '../../resources/locales/en/schedules.json';
import type session from '../../resources/locales/en/session.json';
import type settings from '../../resources/locales/en/settings.json';
import type timeline from '../../resources/locales/en/timeline.json';
import type tokens from '../../resources/locales/en/tokens.json';
import type updates from '../../resources/locales/en/updates.json';
import type vocab from '../../resources/locales/en/vocab.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    keySeparator: false;
    nsSeparator: ':';
    returnNull: false;
    resources: {
      common: typeof common;
      vocab: typeof vocab;
      explain: typeof explain;
      errors: typeof errors;
      notices: typeof notices;
      access: typeof access;
      audit: typeof audit;
      backups: typeof backups;
      bulks: typeof bulks;
      callbacks: typeof callbacks;
      deliveries: typeof deliveries;
      fleet: typeof fleet;
      groups: typeof groups;
      history: typeof history;
      login: typeof login;
      operators: typeof operators;
      policy: typeof policy;
      quarantine: typeof quarantine;
      remotes: typeof remotes;
      schedules: typeof schedules;
      session: typeof session;
      settings: typeof settings;
      timeline: typeof timeline;
      tokens: typeof tokens;
      updates: typeof updates;
    };
  }
}
