// The fleet at a glance: find a vehicle, see its last known status and its age, what it can do (and why not),
// and what is happening to it now.
import { Anchor, Badge, Group, Loader, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeader } from '../../components/PageHeader.js';
import { TimeAgo } from '../../components/TimeAgo.js';
import { actionsByVehicle } from '../../stores/actions-store.js';
import { FEATURES, FEATURE_ORDER } from '../remotes/features.js';
import { CannotText, CapabilityIcons } from './CapabilityIcons.js';
import {
  byLabel,
  distinct,
  EMPTY_FLEET_FILTER,
  ENERGY_LABELS,
  type FleetFilter,
  filterVehicles,
  VEHICLE_STATES,
} from './fleet-filter.js';
import { VehicleActivityBadge } from './VehicleActivityBadge.js';
import { statusFacts } from './vehicle-status.js';

export function FleetView() {
  const stores = useStores();
  const { items, loaded, error } = useStore(stores.vehicles);
  const byId = useStore(stores.actions, (s) => s.byId);
  const activity = useMemo(() => actionsByVehicle(byId), [byId]);
  const [filter, setFilter] = useState<FleetFilter>(EMPTY_FLEET_FILTER);
  const sorted = useMemo(() => [...items].sort(byLabel), [items]);
  const shown = useMemo(() => filterVehicles(sorted, filter, activity), [sorted, filter, activity]);
  const set = (change: Partial<FleetFilter>) => setFilter((f) => ({ ...f, ...change }));

  return (
    <Stack gap="md">
      <PageHeader title="Fleet" description={`${items.length} vehicles. Choose one to send it a command.`} />
      <Paper withBorder p="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label="Search"
            placeholder="VIN, label, brand or model"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={filter.search}
            onChange={(e) => set({ search: e.currentTarget.value })}
            w={280}
          />
          <Select
            label="Brand"
            placeholder="All"
            clearable
            data={distinct(items.map((v) => v.brand))}
            value={filter.brand || null}
            onChange={(v) => set({ brand: v ?? '' })}
            w={160}
          />
          <Select
            label="Energy"
            placeholder="All"
            clearable
            data={distinct(items.map((v) => v.energy)).map((e) => ({
              value: e,
              label: ENERGY_LABELS[e] ?? e,
            }))}
            value={filter.energy || null}
            onChange={(v) => set({ energy: v ?? '' })}
            w={170}
          />
          <Select
            label="Can do"
            placeholder="Anything"
            clearable
            data={FEATURE_ORDER.map((t) => ({ value: t, label: FEATURES[t].label }))}
            value={filter.capability || null}
            onChange={(v) => set({ capability: v ?? '' })}
            w={180}
          />
          <Select
            label="State"
            placeholder="Any"
            clearable
            data={VEHICLE_STATES}
            value={filter.state || null}
            onChange={(v) => set({ state: v ?? '' })}
            w={210}
          />
        </Group>
      </Paper>
      <ErrorSummary error={error} />
      {!loaded ? (
        <Loader aria-label="Loading the fleet" />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" highlightOnHover aria-label="Vehicles">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Vehicle</Table.Th>
                  <Table.Th>Energy</Table.Th>
                  <Table.Th>Last known status</Table.Th>
                  <Table.Th>Can do</Table.Th>
                  <Table.Th>Now</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((v) => {
                  const facts = statusFacts(v.status).slice(0, 2);
                  return (
                    <Table.Tr key={v.id} data-testid="vehicle-row">
                      <Table.Td>
                        <Anchor
                          href={`#/vehicles/${encodeURIComponent(v.id)}`}
                          fw={700}
                          size="lg"
                          data-testid="vehicle-label"
                        >
                          {v.label ?? v.vin}
                        </Anchor>
                        <Text size="sm" ff="monospace">
                          {v.vin}
                        </Text>
                        <Text size="sm" c="dimmed">
                          {[v.brand, v.model].filter(Boolean).join(' ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          variant="light"
                          color={
                            v.energy === 'Electric' ? 'teal' : v.energy === 'Combustion' ? 'gray' : 'cyan'
                          }
                        >
                          {ENERGY_LABELS[v.energy] ?? v.energy}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {facts.map((f) => (
                          <Text key={f.key} size="sm">
                            {f.label}: <b>{f.value}</b>
                          </Text>
                        ))}
                        <Text size="sm" c={v.statusAt ? 'dimmed' : 'orange.8'}>
                          {v.statusAt ? <TimeAgo iso={v.statusAt} prefix="Status " /> : 'No status yet'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <CapabilityIcons vehicle={v} />
                        <CannotText vehicle={v} />
                      </Table.Td>
                      <Table.Td>
                        <VehicleActivityBadge
                          latest={activity.latest[v.id]}
                          inFlight={activity.inFlight[v.id]}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {shown.length === 0 ? (
            <Text p="md" c="dimmed">
              No vehicle matches these filters.
            </Text>
          ) : null}
        </Paper>
      )}
    </Stack>
  );
}
