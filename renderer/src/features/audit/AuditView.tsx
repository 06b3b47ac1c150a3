// #/audit — the append-only audit log: who did what (with their role, and for a token the person it acted for), to
// which vehicle, and why; newest first. Filters by vehicle, kind of act and operator.
import {
  Anchor,
  Autocomplete,
  Button,
  Code,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { clockText } from '../../components/time-text.js';
import { ActorLabel } from '../access/ActorLabel.js';
import { AUDIT_ACTION_CHOICES, auditActionLabel } from './audit-labels.js';

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail === 'object' && Object.keys(detail).length === 0) return '';
  const text = JSON.stringify(detail);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

export function AuditView() {
  const stores = useStores();
  const { items, filter, hasMore, loading, error } = useStore(stores.audit);
  const vehicles = useStore(stores.vehicles, (s) => s.items);
  const labels = new Map(vehicles.flatMap((v) => (v.label ? [[v.vin, v.label] as const] : [])));
  const team = useStore(stores.team, (s) => s.items);
  const [vin, setVin] = useState(filter.vin);
  const [operator, setOperator] = useState(filter.operator);
  useEffect(() => {
    void stores.audit.getState().load();
    void stores.team.getState().load();
  }, [stores]);
  const apply = (change: Partial<typeof filter> = {}) =>
    void stores.audit.getState().load({ ...filter, vin, operator, ...change });

  return (
    <Stack gap="md">
      <PageHeader
        title="Audit log"
        description="Every command and every change, with who did it and why. It cannot be edited."
      />
      <Paper withBorder p="md">
        <Group gap="sm" align="flex-end">
          <TextInput
            label="VIN"
            value={vin}
            onChange={(e) => setVin(e.currentTarget.value)}
            onBlur={() => apply()}
            onKeyDown={(e) => {
              if (e.key === 'Enter') apply();
            }}
            w={240}
          />
          <Autocomplete
            label="Operator"
            placeholder="Anyone"
            data={[...new Set(team.map((m) => m.name))]}
            value={operator}
            onChange={setOperator}
            onOptionSubmit={(name) => {
              setOperator(name);
              apply({ operator: name });
            }}
            onBlur={() => apply()}
            onKeyDown={(e) => {
              if (e.key === 'Enter') apply();
            }}
            w={240}
          />
          <Select
            label="What"
            placeholder="Everything"
            clearable
            data={AUDIT_ACTION_CHOICES}
            value={filter.action || null}
            onChange={(v) => apply({ action: v ?? '' })}
            w={260}
          />
        </Group>
      </Paper>
      <ErrorSummary error={error} />
      <Paper withBorder>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" aria-label="Audit log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Vehicle</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Detail</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.seq} data-testid="audit-row">
                  <Table.Td>
                    <Text size="sm">{clockText(e.at)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <ActorLabel actor={e.actor} fallback={e.operator} />
                  </Table.Td>
                  <Table.Td>
                    {e.remoteActionId ? (
                      <Anchor href={`#/actions/${encodeURIComponent(e.remoteActionId)}`}>
                        {auditActionLabel(e.action)}
                      </Anchor>
                    ) : (
                      auditActionLabel(e.action)
                    )}
                  </Table.Td>
                  <Table.Td>
                    {e.vin && labels.has(e.vin) ? (
                      <Text size="sm" fw={700}>
                        {labels.get(e.vin)}
                      </Text>
                    ) : null}
                    <Text size="xs" ff="monospace">
                      {e.vin ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td miw={180}>{e.reason ?? ''}</Table.Td>
                  <Table.Td>
                    {/* The request as sent, wrapped: it must not push the reason out of sight. */}
                    {detailText(e.detail) ? (
                      <Code fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                        {detailText(e.detail)}
                      </Code>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {items.length === 0 && !loading ? (
          <Text p="md" c="dimmed">
            Nothing recorded yet.
          </Text>
        ) : null}
      </Paper>
      {hasMore ? (
        <Group>
          <Button variant="light" loading={loading} onClick={() => void stores.audit.getState().loadOlder()}>
            Show older entries
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
