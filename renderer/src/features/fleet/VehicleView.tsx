// #/vehicles/:vid[/feature] — one vehicle: whether a command can go now and what to do, its states with their
// sources, wake-ups, status and capabilities on the left; sending a command on the right, with a line before one that
// will wake it.
import {
  Anchor,
  Badge,
  Grid,
  Group,
  List,
  Loader,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconBan, IconCheck } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { VehicleDto, VehicleSummaryDto } from '../../../../preload/contract/dto.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { OutcomeBadge } from '../../components/OutcomeBadge.js';
import { PageHeader } from '../../components/PageHeader.js';
import { TimeAgo } from '../../components/TimeAgo.js';
import { ageText, clockText } from '../../components/time-text.js';
import { useNow } from '../../components/use-now.js';
import { t } from '../../i18n/index.js';
import { FeaturePicker } from '../remotes/FeaturePicker.js';
import { featureBySlug, FEATURES, featureLabel, FEATURE_ORDER } from '../remotes/features.js';
import { SendRemotePanel } from '../remotes/SendRemotePanel.js';
import { capabilityReasonText } from './capability-text.js';
import { SendWarning } from './SendWarning.js';
import { ReadinessAlert, VehicleStates, WakeUps } from './VehicleCondition.js';
import { energyLabel } from './fleet-filter.js';
import { makeAndModel } from './vehicle-name.js';
import { statusFacts } from './vehicle-status.js';

const TONE = { good: 'green', warn: 'orange', bad: 'red' } as const;

/** A vehicle read by itself, by the reference in the page's address (its id or its VIN). */
function detailOf(details: Record<string, VehicleDto>, ref: string): VehicleDto | undefined {
  return details[ref] ?? Object.values(details).find((v) => v.vin === ref);
}

/** The last known status, read with the vehicle by itself (the fleet list carries only its age). */
function VehicleFacts({
  vehicle,
  detail,
  vehicleRef,
}: {
  vehicle: VehicleSummaryDto;
  detail: VehicleDto | undefined;
  vehicleRef: string;
}) {
  const stores = useStores();
  const now = useNow();
  const error = useStore(stores.vehicles, (s) => s.detailErrors[vehicleRef]);
  const facts = detail ? statusFacts(detail.status) : [];
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('fleet:facts.title')}
      </Title>
      <Text c={vehicle.statusAt ? 'dimmed' : 'orange.8'} mb="sm">
        {vehicle.statusAt ? (
          <time dateTime={vehicle.statusAt} title={clockText(vehicle.statusAt)}>
            {t('fleet:facts.reported', { age: ageText(vehicle.statusAt, now) })}
          </time>
        ) : (
          t('fleet:facts.none')
        )}
      </Text>
      {!detail && vehicle.statusAt ? (
        error ? (
          <ErrorSummary error={error} />
        ) : (
          <Loader size="sm" role="status" aria-label={t('fleet:facts.loading')} />
        )
      ) : null}
      <Stack gap={6}>
        {facts.map((f) => (
          <Group key={f.key} justify="space-between">
            <Text>{f.label}</Text>
            <Text fw={700} c={f.tone ? TONE[f.tone] : undefined}>
              {f.value}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

function Capabilities({ vehicle }: { vehicle: VehicleSummaryDto }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('fleet:capabilities.title')}
      </Title>
      <List spacing="xs" listStyleType="none" aria-label={t('fleet:capabilities.label')}>
        {FEATURE_ORDER.map((type) => {
          const capability = vehicle.capabilities[type];
          const can = capability?.supported === true;
          return (
            <List.Item
              key={type}
              icon={
                <ThemeIcon color={can ? 'green' : 'gray'} size={22} radius="xl">
                  {can ? <IconCheck size={14} aria-hidden /> : <IconBan size={14} aria-hidden />}
                </ThemeIcon>
              }
            >
              <Text span fw={600}>
                {featureLabel(type)}
              </Text>
              <Text span c={can ? 'dimmed' : undefined}>
                {' — '}
                {can
                  ? t('fleet:capabilities.yes')
                  : t('fleet:capabilities.no', {
                      reason: capabilityReasonText(capability) ?? t('fleet:capability.reasonUnknown'),
                    })}
              </Text>
            </List.Item>
          );
        })}
      </List>
    </Paper>
  );
}

function RecentActions({ vehicleId }: { vehicleId: string }) {
  const stores = useStores();
  const byId = useStore(stores.actions, (s) => s.byId);
  const recent = useMemo(
    () =>
      Object.values(byId)
        .filter((a) => a.vehicleId === vehicleId)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, 8),
    [byId, vehicleId],
  );
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('fleet:recent.title')}
      </Title>
      {recent.length === 0 ? <Text c="dimmed">{t('fleet:recent.none')}</Text> : null}
      <Stack gap="xs">
        {recent.map((a) => (
          <Group key={a.remoteActionId} gap="xs" justify="space-between" wrap="nowrap">
            <Anchor href={`#/actions/${encodeURIComponent(a.remoteActionId)}`}>{featureLabel(a.type)}</Anchor>
            <Group gap="xs" wrap="nowrap">
              <Text size="xs" c="dimmed">
                <TimeAgo iso={a.createdAt} />
              </Text>
              <OutcomeBadge action={a} size="sm" />
            </Group>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

export function VehicleView({ vehicleId, feature }: { vehicleId: string; feature?: string | undefined }) {
  const stores = useStores();
  const listed = useStore(stores.vehicles, (s) =>
    s.items.find((v) => v.id === vehicleId || v.vin === vehicleId),
  );
  const loaded = useStore(stores.vehicles, (s) => s.loaded);
  const detail = useStore(stores.vehicles, (s) => detailOf(s.details, vehicleId));
  // Opened by its address, the page shows as soon as either read answers: the vehicle's own is the smaller.
  const vehicle = listed ?? detail;
  // Read by itself for its status (the list carries only its age), by the page's own reference so a read started
  // at sign-in for this page is not asked twice; the change events keep it current from then on.
  useEffect(() => {
    if (!detailOf(stores.vehicles.getState().details, vehicleId))
      void stores.vehicles.getState().open(vehicleId);
  }, [stores, vehicleId]);
  // Not found, it still says so as the page's heading: the focus goes there as on any page opened.
  if (!vehicle)
    return loaded ? (
      <PageHeader title={t('fleet:vehicle.notFound', { ref: vehicleId })} />
    ) : (
      <Loader aria-label={t('fleet:vehicle.loading')} />
    );
  const selected = featureBySlug(feature)?.type;
  const select = (type: keyof typeof FEATURES) =>
    stores.router
      .getState()
      .navigate({ name: 'vehicle', vehicleId: vehicle.id, feature: FEATURES[type].slug });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Anchor href="#/vehicles" size="sm">
            {t('fleet:vehicle.back')}
          </Anchor>
          <Title order={1} size="h2" tabIndex={-1}>
            {vehicle.label ?? vehicle.vin}
          </Title>
          <Group gap="xs">
            <Text ff="monospace">{vehicle.vin}</Text>
            <Text c="dimmed">{makeAndModel(vehicle.brand, vehicle.model)}</Text>
            <Badge variant="light">{energyLabel(vehicle.energy)}</Badge>
          </Group>
        </div>
      </Group>
      <ReadinessAlert vehicle={vehicle} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <VehicleStates vehicle={vehicle} />
            <WakeUps vehicle={vehicle} />
            <VehicleFacts vehicle={vehicle} detail={detail} vehicleRef={vehicleId} />
            <Capabilities vehicle={vehicle} />
            <RecentActions vehicleId={vehicle.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Title order={2} size="h3">
              {t('fleet:vehicle.sendTitle')}
            </Title>
            <FeaturePicker vehicle={vehicle} selected={selected} onSelect={select} />
            {selected ? (
              <>
                <SendWarning vehicle={vehicle} type={selected} />
                <SendRemotePanel key={`${vehicle.id}-${selected}`} vehicle={vehicle} type={selected} />
              </>
            ) : (
              <Text c="dimmed">{t('fleet:vehicle.chooseFeature')}</Text>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
