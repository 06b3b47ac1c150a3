// #/settings — connector (simulator or Stellantis fleet credentials and certificates) with a connection test,
// receiver, notifications, the vehicles' monthly wake-up budget, the depot routines (bulk pace, time zone, grace).
// When this agent has no settings route yet, the page says so instead of failing. One form saved whole (the agent
// takes the settings as one body), hence one file past 300 lines; its sections with logic of their own live apart
// (ConnectionTestPanel, RoutinesSettings).
import {
  Button,
  Divider,
  Group,
  NumberInput,
  Paper,
  PasswordInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ClientFailure, SettingsDto } from '../../../../preload/contract/client.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary, useLocalFailure } from '../../components/ErrorSummary.js';
import { errorAt, type FieldError } from '../../components/field-errors.js';
import { NotAvailable } from '../../components/NotAvailable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { AdminsOnlyNote } from '../access/AdminsOnlyNote.js';
import { useIsAdmin } from '../access/use-access.js';
import { BrowserNotifications } from './BrowserNotifications.js';
import { ConnectionTestPanel } from './ConnectionTestPanel.js';
import { RoutinesSettings } from './RoutinesSettings.js';
import {
  DEFAULT_ROUTINES,
  DEFAULT_SETTINGS,
  routinesErrors,
  type SettingsDraft,
  settingsInput,
} from './settings-model.js';

function SettingsForm({ initial, editable }: { initial: SettingsDto; editable: boolean }) {
  const stores = useStores();
  const [draft, setDraft] = useState<SettingsDraft>({ settings: initial, password: '' });
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [local, setLocal] = useState<FieldError[]>([]);
  const localFailure = useLocalFailure(local);
  const [saved, setSaved] = useState(false);
  const s = draft.settings;
  // An agent from before the routines answers without them: the form starts from the defaults.
  const routines = s.routines ?? DEFAULT_ROUTINES;
  const errors = [...local, ...(failure?.errors ?? [])];
  const set = (change: Partial<SettingsDto>) =>
    setDraft((d) => ({ ...d, settings: { ...d.settings, ...change } }));
  const setStellantis = (change: Partial<SettingsDto['stellantis']>) =>
    set({ stellantis: { ...s.stellantis, ...change } });
  const stellantisField = (
    key: keyof Omit<SettingsDto['stellantis'], 'hasPassword'>,
    label: string,
    description?: string,
  ) => (
    <TextInput
      label={label}
      description={description}
      value={s.stellantis[key]}
      onChange={(e) => setStellantis({ [key]: e.currentTarget.value })}
      error={errorAt(errors, `stellantis.${key}`)}
      disabled={!editable}
    />
  );

  return (
    <Paper
      withBorder
      p="lg"
      component="form"
      noValidate
      onSubmit={async (e: React.FormEvent) => {
        e.preventDefault();
        const problems = routinesErrors(routines);
        setLocal(problems);
        if (problems.length > 0) {
          setFailure(null);
          setSaved(false);
          return;
        }
        const r = await stores.settings
          .getState()
          .save(settingsInput({ ...draft, settings: { ...s, routines } }));
        setFailure(r.ok ? null : r.error);
        setSaved(r.ok);
      }}
    >
      <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="lg">
          <ErrorSummary error={localFailure} focusOnShow />
          <ErrorSummary error={failure} focusOnShow />
          <Stack gap="sm">
            <Title order={2} size="h4">
              Vehicle network
            </Title>
            <SegmentedControl
              aria-label="Connector"
              data={[
                { value: 'simulator', label: 'Built-in simulator' },
                { value: 'stellantis', label: 'Stellantis fleet API' },
              ]}
              value={s.connector}
              onChange={(connector) => set({ connector })}
              disabled={!editable}
            />
            {s.connector === 'simulator' ? (
              <Text c="dimmed">
                A realistic simulated fleet: every feature can be tried without credentials.
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                {stellantisField('baseUrl', 'API base URL')}
                {stellantisField('fleetId', 'Fleet id')}
                {stellantisField('clientId', 'Client id')}
                {stellantisField('user', 'User')}
                <PasswordInput
                  label="Password"
                  description={
                    s.stellantis.hasPassword ? 'A password is stored; leave empty to keep it.' : undefined
                  }
                  value={draft.password}
                  onChange={(e) => {
                    const password = e.currentTarget.value;
                    setDraft((d) => ({ ...d, password }));
                  }}
                  error={errorAt(errors, 'stellantis.password')}
                  disabled={!editable}
                />
                {stellantisField('certFile', 'Client certificate file', 'Path on the agent machine (PEM).')}
                {stellantisField('keyFile', 'Client key file', 'Path on the agent machine (PEM).')}
                {stellantisField('caFile', 'CA file (optional)')}
              </SimpleGrid>
            )}
            <TextInput
              label="Public receiver URL"
              description="The address the Stellantis network can reach the receiver at. Empty: the agent polls command status instead (works behind NAT)."
              value={s.publicReceiverUrl ?? ''}
              onChange={(e) => set({ publicReceiverUrl: e.currentTarget.value })}
              error={errorAt(errors, 'publicReceiverUrl')}
              disabled={!editable}
            />
          </Stack>
          <Divider />
          <Stack gap="sm">
            <Title order={2} size="h4">
              Receiver
            </Title>
            <Group align="flex-start">
              <NumberInput
                label="Port"
                min={1}
                max={65535}
                allowDecimal={false}
                value={s.receiver.port}
                onChange={(v) =>
                  set({ receiver: { ...s.receiver, port: typeof v === 'number' ? v : s.receiver.port } })
                }
                error={errorAt(errors, 'receiver.port')}
                w={140}
                disabled={!editable}
              />
              <TextInput
                label="Bind address"
                value={s.receiver.bind}
                onChange={(e) => set({ receiver: { ...s.receiver, bind: e.currentTarget.value } })}
                error={errorAt(errors, 'receiver.bind')}
                w={220}
                disabled={!editable}
              />
            </Group>
            <Switch
              label="TLS"
              checked={s.receiver.tls !== null}
              onChange={(e) =>
                set({
                  receiver: {
                    ...s.receiver,
                    tls: e.currentTarget.checked ? { certFile: '', keyFile: '' } : null,
                  },
                })
              }
              disabled={!editable}
            />
            {s.receiver.tls ? (
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <TextInput
                  label="Certificate file"
                  value={s.receiver.tls.certFile}
                  onChange={(e) =>
                    set({
                      receiver: {
                        ...s.receiver,
                        tls: { ...s.receiver.tls!, certFile: e.currentTarget.value },
                      },
                    })
                  }
                  error={errorAt(errors, 'receiver.tls.certFile')}
                  disabled={!editable}
                />
                <TextInput
                  label="Key file"
                  value={s.receiver.tls.keyFile}
                  onChange={(e) =>
                    set({
                      receiver: {
                        ...s.receiver,
                        tls: { ...s.receiver.tls!, keyFile: e.currentTarget.value },
                      },
                    })
                  }
                  error={errorAt(errors, 'receiver.tls.keyFile')}
                  disabled={!editable}
                />
              </SimpleGrid>
            ) : null}
          </Stack>
          <Divider />
          <Stack gap="sm">
            <Title order={2} size="h4">
              Notifications
            </Title>
            <Switch
              label="Notify when a command finishes"
              checked={s.notifications.desktop}
              onChange={(e) => set({ notifications: { desktop: e.currentTarget.checked } })}
              disabled={!editable}
            />
          </Stack>
          <Divider />
          <Stack gap="sm">
            <Title order={2} size="h4">
              Vehicles
            </Title>
            <NumberInput
              label="Wake-ups per vehicle per month"
              description="Stellantis does not publish its limit: the fleet counts each vehicle's wake-ups against this number and shows the count as estimated. Applies at once."
              min={1}
              max={1000}
              allowDecimal={false}
              value={s.wakeUps.monthlyBudget}
              onChange={(v) =>
                set({ wakeUps: { monthlyBudget: typeof v === 'number' ? v : s.wakeUps.monthlyBudget } })
              }
              error={errorAt(errors, 'wakeUps.monthlyBudget')}
              w={260}
              disabled={!editable}
            />
            <NumberInput
              label="Queued commands expire after (minutes)"
              description="A command waiting behind another of the same feature, or for the network, ends Expired after this long and is never sent. Applies at once."
              min={1}
              max={1440}
              allowDecimal={false}
              value={s.queueExpiryMinutes}
              onChange={(v) => set({ queueExpiryMinutes: typeof v === 'number' ? v : s.queueExpiryMinutes })}
              error={errorAt(errors, 'queueExpiryMinutes')}
              w={260}
              disabled={!editable}
            />
          </Stack>
          <Divider />
          <RoutinesSettings
            value={routines}
            onChange={(next) => set({ routines: next })}
            errors={errors}
            disabled={!editable}
          />
          {editable ? (
            <Group justify="flex-end">
              {saved ? <Text role="status">Saved. Some changes apply when the agent restarts.</Text> : null}
              <Button type="submit">Save settings</Button>
            </Group>
          ) : null}
        </Stack>
      </fieldset>
    </Paper>
  );
}

export function SettingsView() {
  const stores = useStores();
  const { status, settings, error } = useStore(stores.settings);
  const admin = useIsAdmin();
  useEffect(() => {
    void stores.settings.getState().load();
  }, [stores]);
  return (
    <Stack gap="md">
      <PageHeader title="Settings" description="How this agent reaches the vehicles and your systems." />
      <Paper withBorder p="md">
        <BrowserNotifications />
      </Paper>
      <ConnectionTestPanel />
      {status === 'unavailable' ? (
        <NotAvailable what="Changing settings here">
          This agent is configured with its start options (--connector, --receiver-port, --bind; see npm run
          agent -- --help). The form below shows what this page will let you change.
        </NotAvailable>
      ) : null}
      <ErrorSummary error={error} />
      {status === 'ready' && settings ? (
        <>
          {/* Shown to everyone; changed by admins only, and the form says so. */}
          {admin ? null : <AdminsOnlyNote />}
          <SettingsForm key="ready" initial={settings} editable={admin} />
        </>
      ) : null}
      {status === 'unavailable' ? (
        <SettingsForm key="preview" initial={DEFAULT_SETTINGS} editable={false} />
      ) : null}
    </Stack>
  );
}
