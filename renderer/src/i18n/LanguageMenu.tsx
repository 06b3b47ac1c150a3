// The language, chosen in the header from any page (and before signing in): "Automatic" follows the browser or
// the OS; a choice is kept for the signed-in operator (a shared workstation, several technicians) or this browser.
import { NativeSelect } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { LANGUAGES, LANGUAGE_NAMES } from '../../../preload/contract/locales.js';
import { useStores } from '../app/stores-context.js';
import { type LanguageChoice, chooseLanguage, followOperatorLanguage, languageChoice, t } from './index.js';

export function useOperatorId(): string | null {
  const stores = useStores();
  return useStore(stores.session, (s) =>
    s.session?.actor?.kind === 'operator' ? (s.session.actor.id ?? null) : null,
  );
}

export function LanguageMenu() {
  const operatorId = useOperatorId();
  const [choice, setChoice] = useState<LanguageChoice>(() => languageChoice(operatorId));
  // Someone else signed in on this workstation: their own choice, if they made one.
  useEffect(() => {
    if (!operatorId) return;
    setChoice(languageChoice(operatorId));
    void followOperatorLanguage(operatorId);
  }, [operatorId]);
  return (
    <NativeSelect
      aria-label={t('common:language.label')}
      leftSection={<IconLanguage size={18} aria-hidden />}
      value={choice}
      size="sm"
      w={185}
      data-testid="language-menu"
      onChange={(event) => {
        const next = event.currentTarget.value as LanguageChoice;
        setChoice(next);
        void chooseLanguage(next, operatorId);
      }}
      data={[
        { value: 'auto', label: t('common:language.automatic') },
        ...LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] })),
      ]}
    />
  );
}
