// Renders the app again, whole, when the language changes: strings made outside components (labels, texts built
// by plain functions) are read anew too.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function LanguageRoot({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <div key={i18n.language} style={{ display: 'contents' }}>
      {children}
    </div>
  );
}
