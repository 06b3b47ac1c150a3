// Sign in first; once signed in, load everything and follow the live stream until sign-out. Another operator
// signing in on this screen starts it again under their session.
import { Center, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { LoginView } from '../features/login/LoginView.js';
import { startLive } from '../stores/app-stores.js';
import { AppLayout } from './AppLayout.js';
import { useStores } from './stores-context.js';

export function App() {
  const stores = useStores();
  const status = useStore(stores.session, (s) => s.status);
  const actor = useStore(stores.session, (s) => {
    const a = s.session?.actor;
    return a ? `${a.kind}:${a.id ?? ''}:${a.name}` : '';
  });

  useEffect(() => {
    void stores.session.getState().check();
  }, [stores]);

  useEffect(() => {
    if (status !== 'signed-in') return;
    return startLive(stores);
  }, [stores, status, actor]);

  if (status === 'checking')
    return (
      <Center mih="100vh">
        <Loader aria-label="Connecting to the agent" />
      </Center>
    );
  if (status === 'signed-out') return <LoginView />;
  return <AppLayout />;
}
