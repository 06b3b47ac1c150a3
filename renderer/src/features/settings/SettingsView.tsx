// #/settings — for everyone: the interface's language and this browser's notifications; then the connector
// (simulator or Stellantis fleet credentials and certificates) with a connection test, receiver, notifications,
// the vehicles' monthly wake-up budget, the depot routines (bulk pace, time zone, grace), changed by admins.
// When this agent has no settings route yet, the page says so instead of failing. One form saved whole (the agent
// takes the settings as one body), hence one file past 300 lines; its sections with logic of their own live apart
// (ConnectionTestPanel, RoutinesSettings).
import {
  Button,
  Divider,
  Group,
  NumberInput,
  Paper,
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
import { t } from '../../i18n/index.js';
import { AdminsOnlyNote } from '../access/AdminsOnlyNote.js';
import { useIsAdmin } from '../access/use-access.js';
import { BrowserNotifications } from './BrowserNotifications.js';
import { ConnectionTestPanel } from './ConnectionTestPanel.js';
import { LanguageSettings } from './LanguageSettings.js';
import { RoutinesSettings } from './RoutinesSettings.js';
import { RetentionSettings } from './RetentionSettings.js';
import { SupportBundlePanel } from './SupportBundlePanel.js';
import { BackupsPanel } from './BackupsPanel.js';
import { UpdatesPanel } from './UpdatesPanel.js';
import {
  DEFAULT_ROUTINES,
  DEFAULT_SETTINGS,
  routinesErrors,
  retentionErrors,
  DEFAULT_RETENTION,
  SETTINGS_FIELD,
  type SettingsDraft,
  settingsInput,
} from './settings-model.js';
import { SecretInput } from '../../components/SecretInput.js';

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
  const retention = s.retention ?? DEFAULT_RETENTION;
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
      key={key}
      label={label}
      description={description}
      value={s.stellantis[key]}
      onChange={(e) => setStellantis({ [key]: e.currentTarget.value })}
      error={errorAt(errors, `stellantis.${key}`)}
      disabled={!editable}
    />
  );
  // The account's fields (the password between them and the files has its own input), then the files'.
  const accountFields = [
    stellantisField('baseUrl', t('settings:stellantis.baseUrl')),
    stellantisField('fleetId', t('settings:stellantis.fleetId')),
    stellantisField('clientId', t('settings:stellantis.clientId')),
    stellantisField('user', t('settings:stellantis.user')),
  ];
  const fileFields = [
    stellantisField('certFile', t('settings:stellantis.certFile'), t('settings:stellantis.pemPath')),
    stellantisField('keyFile', t('settings:stellantis.keyFile'), t('settings:stellantis.pemPath')),
    stellantisField('caFile', t('settings:stellantis.caFile')),
  ];

  return (
    <Paper
      withBorder
      p="lg"
      component="form"
      noValidate
      onSubmit={async (e: React.FormEvent) => {
        e.preventDefault();
        const problems = [...routinesErrors(routines), ...retentionErrors(retention)];
        setLocal(problems);
        if (problems.length > 0) {
          setFailure(null);
          setSaved(false);
          return;
        }
        const r = await stores.settings
          .getState()
          .save(settingsInput({ ...draft, settings: { ...s, routines, retention } }));
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
              {t('settings:network.title')}
            </Title>
            <SegmentedControl
              aria-label={t('settings:network.connector')}
              data={[
                { value: 'simulator', label: t('settings:network.simulator') },
                { value: 'stellantis', label: t('settings:network.stellantis') },
              ]}
              value={s.connector}
              onChange={(connector) => set({ connector })}
              disabled={!editable}
            />
            {s.connector === 'simulator' ? (
              <Text c="dimmed">{t('settings:network.simulatorHelp')}</Text>
            ) : (
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                {accountFields}
                <SecretInput
                  label={t('settings:stellantis.password')}
                  description={s.stellantis.hasPassword ? t('settings:stellantis.passwordStored') : undefined}
                  value={draft.password}
                  onChange={(e) => {
                    const password = e.currentTarget.value;
                    setDraft((d) => ({ ...d, password }));
                  }}
                  error={errorAt(errors, SETTINGS_FIELD.password)}
                  disabled={!editable}
                />
                {fileFields}
              </SimpleGrid>
            )}
            <TextInput
              label={t('settings:network.publicUrl')}
              description={t('settings:network.publicUrlHelp')}
              value={s.publicReceiverUrl ?? ''}
              onChange={(e) => set({ publicReceiverUrl: e.currentTarget.value })}
              error={errorAt(errors, SETTINGS_FIELD.publicReceiverUrl)}
              disabled={!editable}
            />
          </Stack>
          <Divider />
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('settings:receiver.title')}
            </Title>
            <Group align="flex-start">
              <NumberInput
                label={t('settings:receiver.port')}
                min={1}
                max={65535}
                allowDecimal={false}
                value={s.receiver.port}
                onChange={(v) =>
                  set({ receiver: { ...s.receiver, port: typeof v === 'number' ? v : s.receiver.port } })
                }
                error={errorAt(errors, SETTINGS_FIELD.port)}
                w={140}
                disabled={!editable}
              />
              <TextInput
                label={t('settings:receiver.bind')}
                value={s.receiver.bind}
                onChange={(e) => set({ receiver: { ...s.receiver, bind: e.currentTarget.value } })}
                error={errorAt(errors, SETTINGS_FIELD.bind)}
                w={220}
                disabled={!editable}
              />
            </Group>
            <Switch
              label={t('settings:receiver.tls')}
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
                  label={t('settings:receiver.certFile')}
                  value={s.receiver.tls.certFile}
                  onChange={(e) =>
                    set({
                      receiver: {
                        ...s.receiver,
                        tls: { ...s.receiver.tls!, certFile: e.currentTarget.value },
                      },
                    })
                  }
                  error={errorAt(errors, SETTINGS_FIELD.tlsCertFile)}
                  disabled={!editable}
                />
                <TextInput
                  label={t('settings:receiver.keyFile')}
                  value={s.receiver.tls.keyFile}
                  onChange={(e) =>
                    set({
                      receiver: {
                        ...s.receiver,
                        tls: { ...s.receiver.tls!, keyFile: e.currentTarget.value },
                      },
                    })
                  }
                  error={errorAt(errors, SETTINGS_FIELD.tlsKeyFile)}
                  disabled={!editable}
                />
              </SimpleGrid>
            ) : null}
          </Stack>
          <Divider />
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('settings:notifications.title')}
            </Title>
            <Switch
              label={t('settings:notifications.desktop')}
              checked={s.notifications.desktop}
              onChange={(e) => set({ notifications: { desktop: e.currentTarget.checked } })}
              disabled={!editable}
            />
          </Stack>
          <Divider />
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('settings:vehicles.title')}
            </Title>
            <NumberInput
              label={t('settings:vehicles.wakeUps')}
              description={t('settings:vehicles.wakeUpsHelp')}
              min={1}
              max={1000}
              allowDecimal={false}
              value={s.wakeUps.monthlyBudget}
              onChange={(v) =>
                set({ wakeUps: { monthlyBudget: typeof v === 'number' ? v : s.wakeUps.monthlyBudget } })
              }
              error={errorAt(errors, SETTINGS_FIELD.wakeUps)}
              w={260}
              disabled={!editable}
            />
            <NumberInput
              label={t('settings:vehicles.queueExpiry')}
              description={t('settings:vehicles.queueExpiryHelp')}
              min={1}
              max={1440}
              allowDecimal={false}
              value={s.queueExpiryMinutes}
              onChange={(v) => set({ queueExpiryMinutes: typeof v === 'number' ? v : s.queueExpiryMinutes })}
              error={errorAt(errors, SETTINGS_FIELD.queueExpiry)}
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
          <Divider />
          <RetentionSettings
            value={retention}
            onChange={(next) => set({ retention: next })}
            errors={errors}
            disabled={!editable}
          />
          {editable ? (
            <Group justify="flex-end">
              {saved ? <Text role="status">{t('settings:saved')}</Text> : null}
              <Button type="submit">{t('settings:save')}</Button>
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
      <PageHeader title={t('settings:title')} description={t('settings:description')} />
      {/* Everyone's own: the language and this browser's notifications, whatever the role. */}
      <Paper withBorder p="md" component="section" aria-label={t('settings:personal')}>
        <Stack gap="md">
          <LanguageSettings />
          <BrowserNotifications />
        </Stack>
      </Paper>
      <ConnectionTestPanel />
      {status === 'unavailable' ? (
        <NotAvailable what={t('settings:unavailable.what')}>{t('settings:unavailable.text')}</NotAvailable>
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
      <BackupsPanel />
      <UpdatesPanel />
      <SupportBundlePanel />
    </Stack>
  );
}
