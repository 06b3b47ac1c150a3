// The interface's language, on the Settings page that every signed-in role reaches: "Automatic" follows the
// browser (in the desktop app, the OS), or one of the five languages, each by its own name. The choice is kept for
// the signed-in operator on this browser (several technicians share a workstation), or for the browser when the
// session is a token's. The app is drawn again in the new language at once (i18n/LanguageRoot.tsx).
import { Select } from '@mantine/core';
import { useState } from 'react';
import { useStore } from 'zustand';
import { LANGUAGE_NAMES, LANGUAGES } from '../../../../preload/contract/locales.js';
import { useStores } from '../../app/stores-context.js';
import { chooseLanguage, languageChoice, t, type LanguageChoice } from '../../i18n/index.js';

const CHOICES: readonly string[] = ['auto', ...LANGUAGES];
const isChoice = (value: string): value is LanguageChoice => CHOICES.includes(value);

export function LanguageSettings() {
  const stores = useStores();
  const operatorId = useStore(stores.session, (s) =>
    s.session?.actor?.kind === 'operator' ? s.session.actor.id : null,
  );
  const [choice, setChoice] = useState<LanguageChoice>(() => languageChoice(operatorId));
  const options = [
    { value: 'auto', label: t('settings:language.auto') },
    ...LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] })),
  ];
  return (
    <Select
      label={t('settings:language.label')}
      description={operatorId ? t('settings:language.helpOperator') : t('settings:language.helpBrowser')}
      data={options}
      value={choice}
      allowDeselect={false}
      // Each language's name is in that language: a screen reader says it so.
      renderOption={({ option }) => (
        <span lang={option.value === 'auto' ? undefined : option.value}>{option.label}</span>
      )}
      onChange={(value) => {
        if (!value || !isChoice(value)) return;
        setChoice(value);
        void chooseLanguage(value, operatorId);
      }}
      w={320}
      data-testid="language-choice"
    />
  );
}
