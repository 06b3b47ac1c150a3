// The sign-in until someone is signed in, then the shell. The session is followed outside React (follow-session.ts,
// started by the bootstrap before this first render); the effect holds it while the app is shown.
import { Center, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { LoginView } from '../features/login/LoginView.js';
import { AppLayout } from './AppLayout.js';
import { followSession } from './follow-session.js';
import { useStores } from './stores-context.js';
import { t } from '../i18n/index.js';

export function App() {
  const stores = useStores();
  const status = useStore(stores.session, (s) => s.status);

  useEffect(() => followSession(stores), [stores]);

  if (status === 'checking')
    return (
      <Center component="main" mih="100vh">
        <Loader aria-label={t('common:connectingToAgent')} />
      </Center>
    );
  if (status === 'signed-out') return <LoginView />;
  return <AppLayout />;
}
