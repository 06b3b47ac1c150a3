// Login first; once signed in, load everything and follow the live stream until logout.
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

  useEffect(() => {
    void stores.session.getState().check();
  }, [stores]);

  useEffect(() => {
    if (status !== 'signed-in') return;
    return startLive(stores);
  }, [stores, status]);

  if (status === 'checking')
    return (
      <Center mih="100vh">
        <Loader aria-label="Connecting to the agent" />
      </Center>
    );
  if (status === 'signed-out') return <LoginView />;
  return <AppLayout />;
}
