// The sign-in until someone is signed in, then the shell, drawn with its page's first data (first-data.ts). The
// session is followed outside React (follow-session.ts, started by the bootstrap before this first render); the
// effect holds it while the app is shown.
import { Center, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { LoginView } from '../features/login/LoginView.js';
import { AppLayout } from './AppLayout.js';
import { useShellReady } from './first-data.js';
import { followSession } from './follow-session.js';
import { useStores } from './stores-context.js';
import { t } from '../i18n/index.js';

export function App() {
  const stores = useStores();
  const status = useStore(stores.session, (s) => s.status);
  // Signed in: the shell and its page's first rows are drawn together (first-data.ts).
  const shellReady = useShellReady(stores, status === 'signed-in');

  useEffect(() => followSession(stores), [stores]);

  if (status === 'checking' || (status === 'signed-in' && !shellReady))
    return (
      <Center component="main" mih="100vh">
        <Loader aria-label={t('common:connectingToAgent')} />
      </Center>
    );
  if (status === 'signed-out') return <LoginView />;
  return <AppLayout />;
}
