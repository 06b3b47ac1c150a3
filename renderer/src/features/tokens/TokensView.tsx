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
import { shortClockText } from '../../components/time-text.js';
import { useNow } from '../../components/use-now.js';
import { t } from '../../i18n/index.js';
import { roleLabel } from '../access/access-text.js';
import { RoleBadge } from '../access/RoleBadge.js';

/** The roles to choose from, in the language shown now. */
const roleChoices = () => ROLES.map((value) => ({ value, label: roleLabel(value) }));

/** A datetime-local value (the browser's local time) as the RFC 3339 instant the agent takes. */
export function expiryOf(local: string): string | undefined {
  if (!local.trim()) return undefined;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? local : at.toISOString();
}

function tokenState(token: TokenDto, now: number): { label: string; color: string } {
  if (token.revokedAt) return { label: t('tokens:state.revoked'), color: 'gray' };
  if (token.expiresAt && Date.parse(token.expiresAt) <= now)
    return { label: t('tokens:state.expired'), color: 'orange' };
  return { label: t('tokens:state.active'), color: 'green' };
}

function CreateTokenForm() {
  const stores = useStores();
  const [label, setLabel] = useState('');
  const [role, setRole] = useState<Role>('technician');
  const [expires, setExpires] = useState('');
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = failure?.errors ?? [];
  const labelError = errorAt(errors, 'label');
  const roleError = errorAt(errors, 'role');
  const expiresError = errorAt(errors, 'expiresAt');
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
            {t('tokens:create.title')}
          </Title>
          <ErrorSummary error={failure} focusOnShow />
          <Group align="flex-start" gap="md" wrap="wrap">
            <TextInput
              label={t('tokens:create.label')}
              description={t('tokens:create.labelHelp')}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              error={labelError}
              w={280}
            />
            <Select
              label={t('tokens:create.role')}
              data={roleChoices()}
              value={role}
              onChange={(v) => v && setRole(v as Role)}
              allowDeselect={false}
              error={roleError}
              w={180}
            />
            <TextInput
              type="datetime-local"
              label={t('tokens:create.expires')}
              description={t('tokens:create.expiresHelp')}
              value={expires}
              onChange={(e) => setExpires(e.currentTarget.value)}
              error={expiresError}
              w={240}
            />
          </Group>
          <Group>
            <Button type="submit" loading={busy} leftSection={<IconKey size={18} aria-hidden />}>
              {t('tokens:create.submit')}
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
    <Alert
      color="yellow"
      icon={<IconKey aria-hidden />}
      title={t('tokens:secret.title')}
      data-testid="revealed-token"
    >
      <Text mb="xs">{t('tokens:secret.once', { label: revealed.label })}</Text>
      <Code block data-testid="token-secret">
        {revealed.token}
      </Code>
      <Group mt="sm" gap="xs">
        <CopyButton value={revealed.token}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? t('tokens:secret.copied') : t('tokens:secret.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="subtle" onClick={() => stores.tokens.getState().dismissSecret()}>
          {t('tokens:secret.done')}
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
    <Modal
      opened={token !== null}
      onClose={onClose}
      title={t('tokens:revoke.title', { label: token?.label ?? '' })}
      centered
    >
      {token ? (
        <Stack gap="md">
          <Text>{t('tokens:revoke.consequence')}</Text>
          <ErrorSummary error={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('tokens:revoke.cancel')}
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
              {t('tokens:revoke.confirm')}
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
      <PageHeader title={t('tokens:title')} description={t('tokens:description')} />
      <RevealedToken />
      <CreateTokenForm />
      <ErrorSummary error={error} />
      <Paper withBorder>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" aria-label={t('tokens:title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tokens:column.label')}</Table.Th>
                <Table.Th>{t('tokens:column.role')}</Table.Th>
                <Table.Th>{t('tokens:column.created')}</Table.Th>
                <Table.Th>{t('tokens:column.expires')}</Table.Th>
                <Table.Th>{t('tokens:column.lastUsed')}</Table.Th>
                <Table.Th>{t('tokens:column.state')}</Table.Th>
                <Table.Th>{t('tokens:column.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((token) => {
                const state = tokenState(token, now);
                return (
                  <Table.Tr key={token.id} data-testid="token-row" data-label={token.label}>
                    <Table.Td>
                      <Text fw={600}>{token.label}</Text>
                    </Table.Td>
                    <Table.Td>
                      <RoleBadge role={token.role} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{shortClockText(token.createdAt)}</Text>
                      <Text size="xs" c="dimmed">
                        {t('tokens:createdBy', { name: token.createdBy })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {token.expiresAt ? shortClockText(token.expiresAt) : t('tokens:noExpiry')}
                    </Table.Td>
                    <Table.Td>
                      {token.lastUsedAt ? shortClockText(token.lastUsedAt) : t('tokens:never')}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={state.color} variant="light">
                        {state.label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {token.revokedAt ? null : (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setRevoking(token)}
                          aria-label={t('tokens:row.revoke', { label: token.label })}
                        >
                          {t('tokens:revoke')}
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
            {t('tokens:none')}
          </Text>
        ) : null}
      </Paper>
      <RevokeDialog token={revoking} onClose={() => setRevoking(null)} />
    </Stack>
  );
}
