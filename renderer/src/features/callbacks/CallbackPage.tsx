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
import { DeliveryTable } from '../deliveries/DeliveryTable.js';
import { BuiltInCallbackForm } from './BuiltInCallbackForm.js';
import { BUILT_IN_WHERE, callbackTitle, isBuiltIn, NEW_CALLBACK_TITLE } from './callback-text.js';
import { CallbackForm } from './CallbackForm.js';
import { CallbackStatusBadge } from './CallbackStatusBadge.js';
import { RevealedSecret } from './RevealedSecret.js';
import { useAdminOnly } from '../access/use-access.js';
import { AdminsOnlyNote } from '../access/AdminsOnlyNote.js';

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
  if (available === false) return <NotAvailable what="Delivery log" />;
  const mine = query.callback === callbackId ? items : [];
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Delivery log
        </Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconRefresh size={14} aria-hidden />}
          disabled={adminOnly.disabled || !mine.some((d) => d.state === 'Failed' || d.state === 'Dead')}
          onClick={async () => {
            const r = await stores.deliveries.getState().retryAll(callbackId, operator);
            setMessage(
              r.ok
                ? `${r.value} failed deliver${r.value === 1 ? 'y is' : 'ies are'} queued again.`
                : r.error.message,
            );
          }}
        >
          Retry all failed
        </Button>
      </Group>
      {message ? <Text role="status">{message}</Text> : null}
      <DeliveryTable
        items={mine}
        vehicles={vehicles}
        showCallback={false}
        onRetry={async (id) => {
          const r = await stores.deliveries.getState().retry(id, operator);
          setMessage(r.ok ? 'Queued again.' : r.error.message);
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
            Status
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
                r.ok
                  ? running
                    ? 'Paused: commands cannot be sent through it until resumed.'
                    : 'Running again.'
                  : null,
              );
            }}
          >
            {running ? 'Pause' : 'Resume'}
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
                    setNote('Test notification queued: follow it in the delivery log.');
                    void stores.deliveries.getState().load({ callback: callback.id, limit: 50 });
                  } else if (r.error.status === 404 && r.error.code === 'ROUTE_NOT_FOUND') {
                    setFailure(null);
                    setNote('Test notifications are not available in this version of the agent.');
                  } else setFailure(r.error);
                }}
              >
                Send test notification
              </Button>
              <Button
                variant="light"
                color="red"
                disabled={adminOnly.disabled}
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setDeleting(true)}
              >
                Delete
              </Button>
            </>
          )}
        </Group>
        <AdminsOnlyNote />
        {builtIn ? (
          <Text size="sm" c="dimmed">
            Paused, it takes no command. Being built in, it cannot be deleted.
          </Text>
        ) : null}
      </Stack>
      <Modal
        opened={deleting}
        onClose={() => setDeleting(false)}
        title={`Delete ${callbackTitle(callback)}?`}
        centered
      >
        <Text mb="md">
          Commands can no longer be sent through it. Its history stays. It cannot be deleted while a command
          through it is in progress.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setDeleting(false)} data-autofocus>
            Cancel
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
            Delete
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
    return loaded ? <PageHeader title={`No callback ${callbackId}.`} /> : <Loader aria-label="Loading" />;

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
          ? `Changes to “${callbackTitle(result.value)}” saved.`
          : `Callback “${callbackTitle(result.value)}” created.`,
      );
    if (!callback) navigate({ name: 'callback', callbackId: result.value.id });
    return null;
  };

  return (
    <Stack gap="md">
      <Anchor href="#/callbacks" size="sm">
        ← Callbacks
      </Anchor>
      <PageHeader
        title={callback ? callbackTitle(callback) : NEW_CALLBACK_TITLE}
        description={
          callback
            ? isBuiltIn(callback)
              ? `Built in. ${BUILT_IN_WHERE}.`
              : `Callback ${callback.id}`
            : 'Where the notifications of the commands sent through it will go.'
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
          {BUILT_IN_WHERE}: nothing is delivered anywhere, so there is no delivery log. The commands sent
          through it are in the history.
        </Text>
      ) : null}
    </Stack>
  );
}
