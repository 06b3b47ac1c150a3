// #/audit — the append-only audit log: who did what (with their role, and for a token the person it acted for), to
// which vehicle, and why, and what it recorded in readable fields; newest first. Filters by vehicle, kind of act and
// operator.
import {
  Anchor,
  Autocomplete,
  Button,
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
import { shortClockText } from '../../components/time-text.js';
import { t } from '../../i18n/index.js';
import { ActorLabel } from '../access/ActorLabel.js';
import { AuditExport } from './AuditExport.js';
import { detailLines } from './audit-detail.js';
import { auditActionChoices, auditActionLabel } from './audit-labels.js';

/** What the entry recorded, one field a line; wrapped, so it never pushes the reason out of sight. */
function Detail({ detail }: { detail: unknown }) {
  const lines = detailLines(detail);
  if (lines.length === 0) return null;
  return (
    <Stack gap={2} data-testid="audit-detail" style={{ overflowWrap: 'anywhere' }}>
      {lines.map((line, i) => (
        <Text key={`${line.field}-${i}`} size="xs" data-field={line.field || undefined}>
          {line.label ? t('audit:detail.pair', { label: line.label, value: line.value }) : line.value}
        </Text>
      ))}
    </Stack>
  );
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
      <PageHeader title={t('audit:title')} description={t('audit:description')} />
      <Paper withBorder p="md">
        <Group gap="sm" align="flex-end">
          <TextInput
            label={t('audit:filter.vin')}
            value={vin}
            onChange={(e) => setVin(e.currentTarget.value)}
            onBlur={() => apply()}
            onKeyDown={(e) => {
              if (e.key === 'Enter') apply();
            }}
            w={240}
          />
          <Autocomplete
            label={t('audit:filter.operator')}
            placeholder={t('audit:filter.anyone')}
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
            label={t('audit:filter.what')}
            placeholder={t('audit:filter.everything')}
            clearable
            data={auditActionChoices()}
            value={filter.action || null}
            onChange={(v) => apply({ action: v ?? '' })}
            w={260}
          />
        </Group>
      </Paper>
      <AuditExport operator={filter.operator} />
      <ErrorSummary error={error} />
      <Paper withBorder>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" aria-label={t('audit:title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit:column.when')}</Table.Th>
                <Table.Th>{t('audit:column.who')}</Table.Th>
                <Table.Th>{t('audit:column.what')}</Table.Th>
                <Table.Th>{t('audit:column.vehicle')}</Table.Th>
                <Table.Th>{t('audit:column.reason')}</Table.Th>
                <Table.Th>{t('audit:column.detail')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.seq} data-testid="audit-row">
                  <Table.Td>
                    <Text size="sm">{shortClockText(e.at)}</Text>
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
                  <Table.Td miw={220}>
                    <Detail detail={e.detail} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {items.length === 0 && !loading ? (
          <Text p="md" c="dimmed">
            {t('audit:empty')}
          </Text>
        ) : null}
      </Paper>
      {hasMore ? (
        <Group>
          <Button variant="light" loading={loading} onClick={() => void stores.audit.getState().loadOlder()}>
            {t('audit:older')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
