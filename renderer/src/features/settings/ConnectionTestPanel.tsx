// "Test connection": runs the agent's connection check and names each problem with what to do (certificate
// refused, expired or expiring, host unreachable, wrong password, unknown fleet…), and shows the request budget
// the network reported. The simulator has nothing to check, and says so. The agent sends each check's sentences as
// codes; they are worded here (connection-text.ts).
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import { asClientFailure } from '../../../../preload/contract/client.js';
import type { ConnectionReportDto, RateLimitBudgetDto } from '../../../../preload/contract/connection.js';
import { useStores } from '../../app/stores-context.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { ageText, clockText, shortClockText } from '../../components/time-text.js';
import { useNow } from '../../components/use-now.js';
import { SectionHeading } from './SectionHeading.js';
import { t } from '../../i18n/index.js';
import { checkMessage, checkStatus, checkTitle, verdictText, windowText } from './connection-text.js';

type Run =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; report: ConnectionReportDto | null }
  | { state: 'failed'; error: ClientFailure };

function Budget({ budget }: { budget: RateLimitBudgetDto | null }) {
  const now = useNow();
  if (!budget) return null;
  const daily = windowText(budget.daily);
  const burst = windowText(budget.burst);
  const blocked = budget.blockedUntil && Date.parse(budget.blockedUntil) > Date.now();
  return (
    <Stack gap={4} data-testid="rate-limit">
      <Title order={3} size="h5">
        {t('settings:budget.title')}
      </Title>
      {daily ? <Text size="sm">{t('settings:budget.daily', { window: daily })}</Text> : null}
      {burst ? <Text size="sm">{t('settings:budget.burst', { window: burst })}</Text> : null}
      {!daily && !burst ? (
        <Text size="sm" c="dimmed">
          {t('settings:budget.none')}
        </Text>
      ) : null}
      {blocked ? (
        <Text size="sm" c="red.8" fw={600}>
          {t('settings:budget.blocked', { time: clockText(budget.blockedUntil) })}
        </Text>
      ) : null}
      {budget.updatedAt ? (
        <Text size="xs" c="dimmed" title={clockText(budget.updatedAt)}>
          {t('settings:budget.reported', { ago: ageText(budget.updatedAt, now) })}
        </Text>
      ) : null}
    </Stack>
  );
}

function Report({ report }: { report: ConnectionReportDto }) {
  const verdict = verdictText(report);
  return (
    <Stack gap="sm">
      <Alert color={verdict.color} variant="light" title={verdict.title} data-testid="connection-verdict">
        <Text size="sm">
          {t('settings:connection.checked', {
            baseUrl: report.baseUrl ?? '',
            fleetId: report.fleetId ?? '',
            hasBaseUrl: report.baseUrl ? 'yes' : 'no',
            hasFleet: report.fleetId ? 'yes' : 'no',
            time: shortClockText(report.checkedAt),
          })}
        </Text>
      </Alert>
      <Table aria-label={t('settings:connection.checks')} verticalSpacing="sm">
        <Table.Tbody>
          {report.checks.map((check) => {
            const status = checkStatus(check.status);
            return (
              <Table.Tr key={check.name} data-testid="connection-check" data-status={check.status}>
                <Table.Td w={130}>
                  <Badge color={status.color} variant={check.status === 'problem' ? 'filled' : 'light'}>
                    {status.label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text fw={700}>{checkTitle(check)}</Text>
                  <Text size="sm">{checkMessage(check)}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function ConnectionTestPanel() {
  const { client } = useStores();
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const [budget, setBudget] = useState<RateLimitBudgetDto | null>(null);

  const readBudget = useCallback(
    () =>
      client.connectionRateLimit().then(
        (r) => setBudget(r.budget),
        // The budget is a side note: the test itself reports its failures.
        () => undefined,
      ),
    [client],
  );
  useEffect(() => {
    void readBudget();
  }, [readBudget]);

  async function test() {
    setRun({ state: 'running' });
    try {
      const report = await client.checkConnection();
      setRun({ state: 'done', report });
      if (report?.rateLimit) setBudget(report.rateLimit);
      else void readBudget();
    } catch (error) {
      setRun({ state: 'failed', error: asClientFailure(error) });
    }
  }

  const simulator = run.state === 'done' && run.report === null;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="connection-test-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <SectionHeading
            id="connection-test-title"
            title={t('settings:connection.title')}
            description={t('settings:connection.description')}
            maw={640}
          />
          <Button
            leftSection={<IconPlugConnected size={18} aria-hidden />}
            loading={run.state === 'running'}
            onClick={() => void test()}
          >
            {t('settings:connection.run')}
          </Button>
        </Group>
        <div role="status" aria-live="polite">
          {run.state === 'running' ? (
            <Group gap="sm">
              <Loader size="sm" aria-hidden />
              <Text>{t('settings:connection.running')}</Text>
            </Group>
          ) : null}
          {simulator ? (
            <Text data-testid="connection-nothing-to-check">{t('settings:connection.simulator')}</Text>
          ) : null}
        </div>
        {run.state === 'failed' ? (
          <ErrorSummary error={run.error} title={t('settings:connection.failed')} />
        ) : null}
        {run.state === 'done' && run.report ? <Report report={run.report} /> : null}
        {simulator ? null : <Budget budget={budget} />}
      </Stack>
    </Paper>
  );
}
