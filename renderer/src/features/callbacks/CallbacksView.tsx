// #/callbacks — where every command's notifications go: this workstation (the built-in callback) and the site
// systems' webhooks.
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { TimeAgo } from '../../components/TimeAgo.js';
import { t } from '../../i18n/index.js';
import { featureLabel, FEATURE_ORDER } from '../remotes/features.js';
import {
  builtInWhere,
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
  // A link to the form for an admin; a disabled button, saying why, for anyone else.
  const toNewForm = adminOnly.disabled ? {} : ({ component: 'a', href: '#/callbacks/new' } as const);
  return (
    <Stack gap="md">
      <PageHeader
        title={t('callbacks:list.title')}
        description={t('callbacks:list.description')}
        actions={
          <Stack gap={4} align="flex-end">
            <Button
              {...toNewForm}
              disabled={adminOnly.disabled}
              aria-describedby={adminOnly.disabled ? 'callbacks-admins-only' : undefined}
              leftSection={<IconPlus size={18} aria-hidden />}
            >
              {t('callbacks:list.new')}
            </Button>
            <AdminsOnlyNote id="callbacks-admins-only" />
          </Stack>
        }
      />
      <ErrorSummary error={error} />
      {loaded && items.length === 0 ? (
        <Paper withBorder p="xl">
          <Text size="lg" fw={600}>
            {t('callbacks:list.empty.title')}
          </Text>
          <Text c="dimmed" mb="md">
            {t('callbacks:list.empty.text')}
          </Text>
          <Button {...toNewForm} disabled={adminOnly.disabled}>
            {t('callbacks:list.empty.create')}
          </Button>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={800}>
            <Table verticalSpacing="sm" highlightOnHover aria-label={t('callbacks:list.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('callbacks:list.column.callback')}</Table.Th>
                  <Table.Th>{t('callbacks:list.column.status')}</Table.Th>
                  <Table.Th>{t('callbacks:list.column.remoteTypes')}</Table.Th>
                  <Table.Th>{t('callbacks:list.column.retries')}</Table.Th>
                  <Table.Th>{t('callbacks:list.column.changed')}</Table.Th>
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
                              {t('callbacks:builtIn.badge')}
                            </Badge>
                          ) : null}
                        </Group>
                        <Text size="sm" c="dimmed" truncate maw={360}>
                          {builtIn ? builtInWhere() : targetOf(c)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <CallbackStatusBadge status={c.status} secretsLost={c.secretsLost} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {types.length === FEATURE_ORDER.length
                            ? t('callbacks:list.types.all')
                            : types.map(featureLabel).join(', ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={builtIn ? 'dimmed' : undefined}>
                          {builtIn
                            ? t('callbacks:list.retries.notNeeded')
                            : retry?.policy === 'None'
                              ? t('callbacks:list.retries.single')
                              : t('callbacks:list.retries.bounded', {
                                  attempts: retry?.retryNumber ?? 3,
                                  delay: retry?.retryDelay ?? 10,
                                })}
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
