// #/tokens (admins): scoped API tokens. Creating one answers its secret once, shown here with a copy button until
// the admin closes it; revoking asks first.
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { TokenDto } from '../../../../preload/contract/access.js';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import { ROLES, type Role } from '../../../../preload/contract/vocabulary.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { errorAt } from '../../components/field-errors.js';
import { PageHeader } from '../../components/PageHeader.js';
import { clockText } from '../../components/time-text.js';
import { useNow } from '../../components/use-now.js';
import { ROLE_LABELS } from '../access/access-text.js';
import { RoleBadge } from '../access/RoleBadge.js';
import { TOKENS_TEXT as T } from './tokens-text.js';

const ROLE_CHOICES = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));

/** A datetime-local value (the browser's local time) as the RFC 3339 instant the agent takes. */
export function expiryOf(local: string): string | undefined {
  if (!local.trim()) return undefined;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? local : at.toISOString();
}

function tokenState(token: TokenDto, now: number): { label: string; color: string } {
  if (token.revokedAt) return { label: T.revoked, color: 'gray' };
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return { label: T.expired, color: 'orange' };
  return { label: T.active, color: 'green' };
}

function CreateTokenForm() {
  const stores = useStores();
  const [label, setLabel] = useState('');
  const [role, setRole] = useState<Role>('technician');
  const [expires, setExpires] = useState('');
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = failure?.errors ?? [];
  return (
    <Paper withBorder p="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          const expiresAt = expiryOf(expires);
          void stores.tokens
            .getState()
            .create({ label: label.trim(), role, ...(expiresAt ? { expiresAt } : {}) })
            .then((result) => {
              setBusy(false);
              setFailure(result.ok ? null : result.error);
              if (result.ok) {
                setLabel('');
                setExpires('');
              }
            });
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {T.createTitle}
          </Title>
          <ErrorSummary error={failure} focusOnShow />
          <Group align="flex-start" gap="md" wrap="wrap">
            <TextInput
              label={T.label}
              description={T.labelHelp}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              error={errorAt(errors, 'label')}
              w={280}
            />
            <Select
              label={T.role}
              data={ROLE_CHOICES}
              value={role}
              onChange={(v) => v && setRole(v as Role)}
              allowDeselect={false}
              error={errorAt(errors, 'role')}
              w={180}
            />
            <TextInput
              type="datetime-local"
              label={T.expires}
              description={T.expiresHelp}
              value={expires}
              onChange={(e) => setExpires(e.currentTarget.value)}
              error={errorAt(errors, 'expiresAt')}
              w={240}
            />
          </Group>
          <Group>
            <Button type="submit" loading={busy} leftSection={<IconKey size={18} aria-hidden />}>
              {T.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function RevealedToken() {
  const stores = useStores();
  const revealed = useStore(stores.tokens, (s) => s.revealed);
  if (!revealed) return null;
  return (
    <Alert color="yellow" icon={<IconKey aria-hidden />} title={T.secretTitle} data-testid="revealed-token">
      <Text mb="xs">
        <b>{revealed.label}</b>: {T.secretOnce}
      </Text>
      <Code block data-testid="token-secret">
        {revealed.token}
      </Code>
      <Group mt="sm" gap="xs">
        <CopyButton value={revealed.token}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? T.copied : T.copy}
            </Button>
          )}
        </CopyButton>
        <Button variant="subtle" onClick={() => stores.tokens.getState().dismissSecret()}>
          {T.copiedIt}
        </Button>
      </Group>
    </Alert>
  );
}

function RevokeDialog({ token, onClose }: { token: TokenDto | null; onClose(): void }) {
  const stores = useStores();
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setFailure(null), [token?.id]);
  return (
    <Modal opened={token !== null} onClose={onClose} title={T.revokeTitle(token?.label ?? '')} centered>
      {token ? (
        <Stack gap="md">
          <Text>{T.revokeConsequence}</Text>
          <ErrorSummary error={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              {T.cancel}
            </Button>
            <Button
              color="red"
              loading={busy}
              onClick={() => {
                setBusy(true);
                void stores.tokens
                  .getState()
                  .revoke(token.id)
                  .then((result) => {
                    setBusy(false);
                    if (result.ok) onClose();
                    else setFailure(result.error);
                  });
              }}
            >
              {T.revokeConfirm}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

export function TokensView() {
  const stores = useStores();
  const { items, status, error } = useStore(stores.tokens);
  const now = useNow();
  const [revoking, setRevoking] = useState<TokenDto | null>(null);
  useEffect(() => {
    void stores.tokens.getState().load();
  }, [stores]);

  return (
    <Stack gap="md">
      <PageHeader title={T.title} description={T.description} />
      <RevealedToken />
      <CreateTokenForm />
      <ErrorSummary error={error} />
      <Paper withBorder>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" aria-label={T.title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{T.columns.label}</Table.Th>
                <Table.Th>{T.columns.role}</Table.Th>
                <Table.Th>{T.columns.created}</Table.Th>
                <Table.Th>{T.columns.expires}</Table.Th>
                <Table.Th>{T.columns.lastUsed}</Table.Th>
                <Table.Th>{T.columns.state}</Table.Th>
                <Table.Th>{T.columns.actions}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((t) => {
                const state = tokenState(t, now);
                return (
                  <Table.Tr key={t.id} data-testid="token-row" data-label={t.label}>
                    <Table.Td>
                      <Text fw={600}>{t.label}</Text>
                    </Table.Td>
                    <Table.Td>
                      <RoleBadge role={t.role} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{clockText(t.createdAt)}</Text>
                      <Text size="xs" c="dimmed">
                        {T.by(t.createdBy)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t.expiresAt ? clockText(t.expiresAt) : T.noExpiry}</Table.Td>
                    <Table.Td>{t.lastUsedAt ? clockText(t.lastUsedAt) : T.never}</Table.Td>
                    <Table.Td>
                      <Badge color={state.color} variant="light">
                        {state.label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {t.revokedAt ? null : (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setRevoking(t)}
                          aria-label={`${T.revoke} ${t.label}`}
                        >
                          {T.revoke}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {status === 'ready' && items.length === 0 ? (
          <Text p="md" c="dimmed">
            {T.none}
          </Text>
        ) : null}
      </Paper>
      <RevokeDialog token={revoking} onClose={() => setRevoking(null)} />
    </Stack>
  );
}
