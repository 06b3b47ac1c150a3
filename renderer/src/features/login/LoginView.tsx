// The token login: the agent's API token, found in <data-dir>/api-token on the machine running it, is traded
// for a session cookie.
import { Button, Center, Code, List, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores-context.js';
import { errorAt } from '../../components/field-errors.js';

export function LoginView() {
  const stores = useStores();
  const { error, busy } = useStore(stores.session);
  const [token, setToken] = useState('');
  const fieldError = error ? (errorAt(error.errors, 'token') ?? error.message) : undefined;
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Paper withBorder shadow="sm" p="xl" w={560} maw="100%">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void stores.session.getState().login(token);
          }}
          noValidate
        >
          <Stack gap="md">
            <Title order={1} size="h2">
              Depot Remote
            </Title>
            <Text>Log in with this agent&apos;s API token.</Text>
            <List size="sm" spacing={4}>
              <List.Item>
                It is in the file <Code>api-token</Code> of the agent&apos;s data folder, on the machine
                running the agent (<Code>&lt;data-dir&gt;/api-token</Code>; by default{' '}
                <Code>~/.config/Depot Remote/api-token</Code> on Linux).
              </List.Item>
              <List.Item>
                Or the value of <Code>DEPOT_REMOTE_API_TOKEN</Code> if the agent was started with it.
              </List.Item>
            </List>
            <PasswordInput
              label="API token"
              leftSection={<IconKey size={16} aria-hidden />}
              value={token}
              onChange={(e) => setToken(e.currentTarget.value)}
              error={fieldError}
              autoFocus
              autoComplete="current-password"
              size="md"
            />
            <Button type="submit" size="md" loading={busy}>
              Log in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
