// The sign-in screen. An enrolled browser (and the desktop app) shows the operator picker — name, then PIN — with
// the machine token as the other way in; a browser not enrolled shows the token form, which can enrol it. After
// the idle lock it says so, with the person who was signed in chosen already.
import { Alert, Anchor, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconClockPause } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { t } from '../../i18n/index.js';
import { OperatorPicker } from './OperatorPicker.js';
import { TokenSignIn } from './TokenSignIn.js';

export function LoginView() {
  const stores = useStores();
  const { session, error, busy, lockedAfter, previous } = useStore(stores.session);
  const team = useStore(stores.team);
  const [withToken, setWithToken] = useState(false);
  const enrolled = session?.enrolled === true;

  useEffect(() => {
    if (enrolled) void stores.team.getState().load();
  }, [enrolled, stores]);

  /** The other form: the last refusal was the other form's. */
  const choose = (token: boolean) => {
    stores.session.setState({ error: null });
    setWithToken(token);
  };

  const notEnrolled = team.error?.code === 'NOT_ENROLLED';
  const noOperators = team.status === 'ready' && team.items.length === 0;
  const picker = enrolled && !withToken && !notEnrolled && !noOperators;
  // A sign-in refusal belongs to the form that asked; the session's own end is said above either form.
  const ended = error?.code === 'SESSION_ENDED' ? error : null;
  const formError = ended ? null : error;

  return (
    // The page's one main landmark: everything on the sign-in screen is inside it.
    <Center component="main" mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Paper withBorder shadow="sm" p="xl" w={560} maw="100%">
        <Stack gap="md">
          <Title order={1} size="h2">
            {t('login:title')}
          </Title>
          {lockedAfter ? (
            <Alert
              color="blue"
              icon={<IconClockPause aria-hidden />}
              title={t('login:locked.title', { minutes: lockedAfter })}
              data-testid="idle-locked"
            >
              {t('login:locked.help')}
            </Alert>
          ) : null}
          <ErrorSummary error={ended} />
          {notEnrolled ? (
            <Alert color="orange" title={t('login:notEnrolled.title')} data-testid="not-enrolled">
              {t('login:notEnrolled.text')}
            </Alert>
          ) : null}
          {enrolled && noOperators ? <Alert color="blue">{t('login:noOperators')}</Alert> : null}
          {picker ? (
            team.status === 'ready' ? (
              <>
                <Text>{t('login:pick.intro')}</Text>
                <OperatorPicker
                  members={team.items}
                  initial={previous?.kind === 'operator' ? previous.id : null}
                  busy={busy}
                  failure={formError}
                  onSubmit={(id, pin) => void stores.session.getState().signInAsOperator(id, pin)}
                />
                <Anchor component="button" type="button" onClick={() => choose(true)}>
                  {t('login:useToken')}
                </Anchor>
              </>
            ) : team.status === 'error' && team.error ? (
              <ErrorSummary error={team.error} />
            ) : (
              <Loader aria-label={t('login:loadingOperators')} />
            )
          ) : (
            <>
              <TokenSignIn enrolOffer={!enrolled} failure={formError} />
              {enrolled && withToken ? (
                <Anchor component="button" type="button" onClick={() => choose(false)}>
                  {t('login:usePicker')}
                </Anchor>
              ) : null}
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
