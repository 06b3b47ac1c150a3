// A vehicle's condition on its page: whether a command can go now and what to do (its readiness), each state with
// where it was learnt, and the wake-ups used this month against the budget (estimated: counted here).
import { Alert, Anchor, Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import type { VehicleSummaryDto } from '../../../../preload/contract/dto.js';
import { useNow } from '../../components/use-now.js';
import { t } from '../../i18n/index.js';
import { SEVERITY_COLORS, STATE_COLORS } from './ConditionChips.js';
import {
  nextStepText,
  readinessLabel,
  sourceText,
  sourceTitle,
  stateDetailText,
  stateLabel,
  wakeUpsText,
} from './fleet-text.js';

/** The readiness under the vehicle's name: its word and what to do. */
export function ReadinessAlert({ vehicle }: { vehicle: VehicleSummaryDto }) {
  const now = useNow();
  const { readiness } = vehicle;
  return (
    <Alert
      color={SEVERITY_COLORS[readiness.severity]}
      // Filled only for what stops a command or needs a decision; asleep or ready are information.
      variant={readiness.severity === 'error' || readiness.severity === 'warning' ? 'filled' : 'light'}
      title={readinessLabel(readiness.code)}
      data-testid="vehicle-readiness"
      data-code={readiness.code}
      p="sm"
    >
      {nextStepText(readiness, now)}
    </Alert>
  );
}

export function VehicleStates({ vehicle }: { vehicle: VehicleSummaryDto }) {
  const now = useNow();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('fleet:states.title')}
      </Title>
      {vehicle.states.length === 0 ? (
        <Text c="dimmed">{t('fleet:states.none')}</Text>
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {vehicle.states.map((state) => {
            const source = vehicle.stateSources[state];
            const detail = stateDetailText(state, source);
            const from = source ? sourceText(state, source, now) : t('fleet:source.unknown');
            return (
              <li key={state} data-testid="vehicle-state" data-state={state}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Badge variant="light" color={STATE_COLORS[state]} style={{ flex: 'none' }}>
                    {stateLabel(state)}
                  </Badge>
                  <Text size="sm" title={source ? sourceTitle(source) : undefined}>
                    {detail ? t('fleet:states.detail', { detail, source: from }) : from}
                    {source?.remoteActionId ? (
                      <>
                        {' ('}
                        <Anchor href={`#/actions/${encodeURIComponent(source.remoteActionId)}`} size="sm">
                          {t('fleet:states.command')}
                        </Anchor>
                        {')'}
                      </>
                    ) : null}
                  </Text>
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}

export function WakeUps({ vehicle }: { vehicle: VehicleSummaryDto }) {
  const now = useNow();
  const w = vehicle.wakeUps;
  const share = w.budget > 0 ? Math.min(100, (w.usedThisMonth / w.budget) * 100) : 100;
  const refused = wakeUpsText.refused(w, now);
  const used = wakeUpsText.used(w);
  return (
    <Paper withBorder p="md" data-testid="wake-ups">
      <Group justify="space-between" mb={6}>
        <Title order={2} size="h4">
          {t('fleet:wakeUps.title')}
        </Title>
        <Badge variant="outline" color="gray">
          {t('fleet:wakeUps.badge')}
        </Badge>
      </Group>
      <Text fw={700}>{used}</Text>
      <Progress
        value={share}
        color={share >= 100 ? 'red' : share >= 75 ? 'orange' : 'indigo'}
        mt={6}
        mb={6}
        aria-label={used}
      />
      {refused ? (
        <Text size="sm" c="red.8">
          {refused}
        </Text>
      ) : null}
      <Text size="sm" c="dimmed">
        {t('fleet:wakeUps.estimated')} {wakeUpsText.resets(w)}
      </Text>
    </Paper>
  );
}
