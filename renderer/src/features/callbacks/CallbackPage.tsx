// #/callbacks/new and #/callbacks/:id — the form, and for an existing callback its status, test notification and
// delivery log. The built-in callback ("This workstation") has its name and status only: no webhook to test or
// deliver to, and it cannot be deleted.
import { Anchor, Button, Grid, Group, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBell, IconPlayerPause, IconPlayerPlay, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import type { CallbackDto } from '../../../../preload/contract/dto.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { NotAvailable } from '../../components/NotAvailable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { t } from '../../i18n/index.js';
import { DeliveryTable } from '../deliveries/DeliveryTable.js';
import { BuiltInCallbackForm } from './BuiltInCallbackForm.js';
import { callbackTitle, isBuiltIn, newCallbackTitle } from './callback-text.js';
import { CallbackForm } from './CallbackForm.js';
import { CallbackStatusBadge } from './CallbackStatusBadge.js';
import { RevealedSecret } from './RevealedSecret.js';
import { useAdminOnly } from '../access/use-access.js';
import { AdminsOnlyNote } from '../access/AdminsOnlyNote.js';
import { failureMessage } from '../../components/field-errors.js';

function DeliveryLog({ callbackId }: { callbackId: string }) {
  const stores = useStores();
  const { available, items, query } = useStore(stores.deliveries);
  const operator = useStore(stores.session, (s) => s.operator);
  const vehicles = useStore(stores.vehicles, (s) => s.items);
  const [message, setMessage] = useState<string | null>(null);
  const adminOnly = useAdminOnly();
  useEffect(() => {
    void stores.deliveries.getState().load({ callback: callbackId, limit: 50 });
  }, [stores, callbackId]);
  if (available === false) return <NotAvailable what={t('callbacks:log.title')} />;
  const mine = query.callback === callbackId ? items : [];
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('callbacks:log.title')}
        </Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconRefresh size={14} aria-hidden />}
          disabled={adminOnly.disabled || !mine.some((d) => d.state === 'Failed' || d.state === 'Dead')}
          onClick={async () => {
            const r = await stores.deliveries.getState().retryAll(callbackId, operator);
            setMessage(r.ok ? t('callbacks:log.retryAll.done', { count: r.value }) : failureMessage(r.error));
          }}
        >
          {t('callbacks:log.retryAll')}
        </Button>
      </Group>
      {message ? <Text role="status">{message}</Text> : null}
      <DeliveryTable
        items={mine}
        vehicles={vehicles}
        showCallback={false}
        onRetry={async (id) => {
          const r = await stores.deliveries.getState().retry(id, operator);
          setMessage(r.ok ? t('callbacks:log.retried') : failureMessage(r.error));
        }}
      />
    </Stack>
  );
}

function Controls({ callback }: { callback: CallbackDto }) {
  const stores = useStores();
  const operator = useStore(stores.session, (s) => s.operator);
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const running = callback.status === 'Running';
  const builtIn = isBuiltIn(callback);
  const actions = stores.callbacks.getState();
  const adminOnly = useAdminOnly();

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('callbacks:controls.title')}
          </Title>
          <CallbackStatusBadge status={callback.status} secretsLost={callback.secretsLost} />
        </Group>
        <ErrorSummary error={failure} />
        {note ? <Text role="status">{note}</Text> : null}
        <Group gap="xs">
          <Button
            variant="light"
            disabled={adminOnly.disabled}
            leftSection={
              running ? <IconPlayerPause size={16} aria-hidden /> : <IconPlayerPlay size={16} aria-hidden />
            }
            onClick={async () => {
              const r = await actions.setStatus(callback.id, running ? 'Paused' : 'Running', operator);
              setFailure(r.ok ? null : r.error);
              setNote(
                r.ok ? (running ? t('callbacks:controls.paused') : t('callbacks:controls.resumed')) : null,
              );
            }}
          >
            {running ? t('callbacks:controls.pause') : t('callbacks:controls.resume')}
          </Button>
          {/* Built in: no webhook to test, and never deleted (the API refuses both with CALLBACK_BUILT_IN). */}
          {builtIn ? null : (
            <>
              <Button
                variant="light"
                disabled={adminOnly.disabled}
                leftSection={<IconBell size={16} aria-hidden />}
                onClick={async () => {
                  const r = await actions.sendTest(callback.id, operator);
                  if (r.ok) {
                    setFailure(null);
                    setNote(t('callbacks:controls.test.queued'));
                    void stores.deliveries.getState().load({ callback: callback.id, limit: 50 });
                  } else if (r.error.status === 404 && r.error.code === 'ROUTE_NOT_FOUND') {
                    setFailure(null);
                    setNote(t('callbacks:controls.test.notAvailable'));
                  } else setFailure(r.error);
                }}
              >
                {t('callbacks:controls.test')}
              </Button>
              <Button
                variant="light"
                color="red"
                disabled={adminOnly.disabled}
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setDeleting(true)}
              >
                {t('callbacks:controls.delete')}
              </Button>
            </>
          )}
        </Group>
        <AdminsOnlyNote />
        {builtIn ? (
          <Text size="sm" c="dimmed">
            {t('callbacks:controls.builtInNote')}
          </Text>
        ) : null}
      </Stack>
      <Modal
        opened={deleting}
        onClose={() => setDeleting(false)}
        title={t('callbacks:delete.title', { name: callbackTitle(callback) })}
        centered
      >
        <Text mb="md">{t('callbacks:delete.text')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setDeleting(false)} data-autofocus>
            {t('callbacks:form.cancel')}
          </Button>
          <Button
            color="red"
            onClick={async () => {
              const r = await actions.remove(callback.id, operator);
              setDeleting(false);
              if (r.ok) stores.router.getState().navigate({ name: 'callbacks' });
              else setFailure(r.error);
            }}
          >
            {t('callbacks:controls.delete')}
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
}

export function CallbackPage({ callbackId }: { callbackId?: string }) {
  const stores = useStores();
  const callback = useStore(stores.callbacks, (s) => s.items.find((c) => c.id === callbackId));
  const loaded = useStore(stores.callbacks, (s) => s.loaded);
  const revealed = useStore(stores.callbacks, (s) => s.revealed);
  const operator = useStore(stores.session, (s) => s.operator);
  const navigate = stores.router.getState().navigate;
  const adminOnly = useAdminOnly();

  // Not found, it still says so as the page's heading: the focus goes there as on any page opened.
  if (callbackId && !callback)
    return loaded ? (
      <PageHeader title={t('callbacks:page.notFound', { id: callbackId })} />
    ) : (
      <Loader aria-label={t('callbacks:page.loading')} />
    );

  const submit = async (body: Record<string, unknown>) => {
    const actions = stores.callbacks.getState();
    const result = callback
      ? await actions.replace(callback.id, body, operator)
      : await actions.create(body, operator);
    if (!result.ok) return result.error;
    // Said where it stays in view and is read out: a created callback opens its own page.
    stores.toasts
      .getState()
      .show(
        callback
          ? t('callbacks:page.saved', { name: callbackTitle(result.value) })
          : t('callbacks:page.created', { name: callbackTitle(result.value) }),
      );
    if (!callback) navigate({ name: 'callback', callbackId: result.value.id });
    return null;
  };

  return (
    <Stack gap="md">
      <Anchor href="#/callbacks" size="sm">
        ← {t('callbacks:list.title')}
      </Anchor>
      <PageHeader
        title={callback ? callbackTitle(callback) : newCallbackTitle()}
        description={
          callback
            ? isBuiltIn(callback)
              ? t('callbacks:page.builtIn.description')
              : t('callbacks:page.description', { id: callback.id })
            : t('callbacks:page.new.description')
        }
      />
      {revealed && callback && revealed.callbackId === callback.id ? (
        <RevealedSecret
          secret={revealed.secret}
          onDismiss={() => stores.callbacks.getState().dismissRevealed()}
        />
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: callback ? 7 : 12 }}>
          {callback && isBuiltIn(callback) ? (
            <BuiltInCallbackForm
              key={callback.updatedAt}
              existing={callback}
              onSubmit={submit}
              onCancel={() => navigate({ name: 'callbacks' })}
              {...(adminOnly.disabled ? { readOnlyNote: <AdminsOnlyNote /> } : {})}
            />
          ) : (
            <CallbackForm
              key={callback?.updatedAt ?? 'new'}
              existing={callback}
              onSubmit={submit}
              onCancel={() => navigate({ name: 'callbacks' })}
              {...(adminOnly.disabled ? { readOnlyNote: <AdminsOnlyNote /> } : {})}
            />
          )}
        </Grid.Col>
        {callback ? (
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Controls callback={callback} />
          </Grid.Col>
        ) : null}
      </Grid>
      {/* Full width: the log's columns (state, attempts, last answer) do not fit beside the form. */}
      {callback && !isBuiltIn(callback) ? <DeliveryLog callbackId={callback.id} /> : null}
      {callback && isBuiltIn(callback) ? (
        <Text c="dimmed" data-testid="no-delivery-log">
          {t('callbacks:builtIn.noLog')}
        </Text>
      ) : null}
    </Stack>
  );
}
