// The token sign-in: the agent's API token (or a scoped token) traded for a session cookie; on a browser not yet
// enrolled, checked by default, it also enrols the browser so operators can sign in here with a PIN afterwards.
import { Button, Checkbox, Code, List, Stack, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useStore } from 'zustand';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import { useStores } from '../../app/stores-context.js';
import { errorAt } from '../../components/field-errors.js';
import { t } from '../../i18n/index.js';
import { SecretInput } from '../../components/SecretInput.js';

/** Stands for the path in the sentence, which is cut there to show the path as code. */
const PATH_MARK = '\u0000';
/** The file's path under the agent's data folder: a technical name, the same in every language. */
const TOKEN_FILE = '<data-dir>/api-token';

/** Where the token is, one sentence with the file's path shown as code wherever the language puts it. */
function TokenWhere() {
  const [before = '', after = ''] = t('login:token.where', { path: PATH_MARK }).split(PATH_MARK);
  return (
    <>
      {before}
      <Code>{TOKEN_FILE}</Code>
      {after}
    </>
  );
}

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
        <Text>{t('login:token.intro')}</Text>
        <List size="sm" spacing={4}>
          <List.Item>
            <TokenWhere />
          </List.Item>
        </List>
        <SecretInput
          label={t('login:token.label')}
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
            label={t('login:token.enrol')}
            description={t('login:token.enrolHelp')}
            checked={enrol}
            onChange={(e) => setEnrol(e.currentTarget.checked)}
          />
        ) : null}
        <Button type="submit" size="md" loading={busy}>
          {t('login:signIn')}
        </Button>
      </Stack>
    </form>
  );
}
