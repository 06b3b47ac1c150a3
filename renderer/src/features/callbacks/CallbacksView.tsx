// #/callbacks — where every command's notifications go: this workstation (the built-in callback) and the site
// systems' webhooks.
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { TimeAgo } from '../../components/TimeAgo.js';
import { featureLabel, FEATURE_ORDER } from '../remotes/features.js';
import {
  BUILT_IN_WHERE,
  callbackTitle,
  isBuiltIn,
  remoteTypesOf,
  subscribeOf,
  targetOf,
} from './callback-text.js';
import { CallbackStatusBadge } from './CallbackStatusBadge.js';
import { useAdminOnly } from '../access/use-access.js';
import { AdminsOnlyNote } from '../access/AdminsOnlyNote.js';

export function CallbacksView() {
  const stores = useStores();
  const { items, error, loaded } = useStore(stores.callbacks);
  const adminOnly = useAdminOnly();
  return (
    <Stack gap="md">
      <PageHeader
        title="Callbacks"
        description="Where each command's notifications go: this workstation, and the webhooks of site systems you add."
        actions={
          <Stack gap={4} align="flex-end">
            <Button
              {...(adminOnly.disabled ? {} : { component: 'a' as const, href: '#/callbacks/new' })}
              disabled={adminOnly.disabled}
              aria-describedby={adminOnly.disabled ? 'callbacks-admins-only' : undefined}
              leftSection={<IconPlus size={18} aria-hidden />}
            >
              New callback
            </Button>
            <AdminsOnlyNote id="callbacks-admins-only" />
          </Stack>
        }
      />
      <ErrorSummary error={error} />
      {loaded && items.length === 0 ? (
        <Paper withBorder p="xl">
          <Text size="lg" fw={600}>
            No callback yet.
          </Text>
          <Text c="dimmed" mb="md">
            Create one first: a command cannot be sent without a callback to report to.
          </Text>
          <Button
            {...(adminOnly.disabled ? {} : { component: 'a' as const, href: '#/callbacks/new' })}
            disabled={adminOnly.disabled}
          >
            Create a callback
          </Button>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={800}>
            <Table verticalSpacing="sm" highlightOnHover aria-label="Callbacks">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Callback</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Remote types</Table.Th>
                  <Table.Th>Retries</Table.Th>
                  <Table.Th>Changed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => {
                  const types = remoteTypesOf(c);
                  const retry = subscribeOf(c).retryPolicy;
                  const builtIn = isBuiltIn(c);
                  return (
                    <Table.Tr key={c.id} data-testid="callback-row" data-built-in={builtIn || undefined}>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Anchor href={`#/callbacks/${encodeURIComponent(c.id)}`} fw={700}>
                            {callbackTitle(c)}
                          </Anchor>
                          {builtIn ? (
                            <Badge variant="light" color="indigo" data-testid="built-in-badge">
                              Built in
                            </Badge>
                          ) : null}
                        </Group>
                        <Text size="sm" c="dimmed" truncate maw={360}>
                          {builtIn ? BUILT_IN_WHERE : targetOf(c)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <CallbackStatusBadge status={c.status} secretsLost={c.secretsLost} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {types.length === FEATURE_ORDER.length
                            ? 'All nine'
                            : types.map(featureLabel).join(', ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={builtIn ? 'dimmed' : undefined}>
                          {builtIn
                            ? 'None needed'
                            : retry?.policy === 'None'
                              ? 'Single try'
                              : `${retry?.retryNumber ?? 3} × every ${retry?.retryDelay ?? 10} s`}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          <TimeAgo iso={c.updatedAt} />
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <Group />
    </Stack>
  );
}
