// The token sign-in: the agent's API token (or a scoped token) traded for a session cookie; on a browser not yet
// enrolled, checked by default, it also enrols the browser so operators can sign in here with a PIN afterwards.
import { Button, Checkbox, Code, List, PasswordInput, Stack, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useStore } from 'zustand';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import { useStores } from '../../app/stores-context.js';
import { errorAt } from '../../components/field-errors.js';
import { LOGIN_TEXT } from './login-text.js';

export function TokenSignIn({ enrolOffer, failure }: { enrolOffer: boolean; failure: ClientFailure | null }) {
  const stores = useStores();
  const busy = useStore(stores.session, (s) => s.busy);
  const [token, setToken] = useState('');
  const [enrol, setEnrol] = useState(true);
  const fieldError = failure ? (errorAt(failure.errors, 'token') ?? failure.message) : undefined;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void stores.session.getState().signInWithToken(token, { enrol: enrolOffer && enrol });
      }}
      noValidate
    >
      <Stack gap="md">
        <Text>{LOGIN_TEXT.tokenIntro}</Text>
        <List size="sm" spacing={4}>
          <List.Item>
            {LOGIN_TEXT.tokenWhere} (<Code>&lt;data-dir&gt;/api-token</Code>) {LOGIN_TEXT.tokenDefault}
          </List.Item>
        </List>
        <PasswordInput
          label={LOGIN_TEXT.tokenLabel}
          leftSection={<IconKey size={16} aria-hidden />}
          value={token}
          onChange={(e) => setToken(e.currentTarget.value)}
          error={fieldError}
          autoFocus
          autoComplete="current-password"
          size="md"
        />
        {enrolOffer ? (
          <Checkbox
            label={LOGIN_TEXT.enrol}
            description={LOGIN_TEXT.enrolHelp}
            checked={enrol}
            onChange={(e) => setEnrol(e.currentTarget.checked)}
          />
        ) : null}
        <Button type="submit" size="md" loading={busy}>
          {LOGIN_TEXT.signIn}
        </Button>
      </Stack>
    </form>
  );
}
