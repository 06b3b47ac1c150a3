// Shown on every page while the agent says it is degraded (GET /health): what fails, in words, and that it recovers
// by itself. Health has no event of its own, so it is asked now and then; the banner goes once the agent is ok.
// The same answer says when the agent was started off loopback without TLS (--allow-insecure-lan): that notice
// stays, since every command the technician sends crosses the network in clear.
import { Alert, Text } from '@mantine/core';
import { IconDatabaseOff, IconLockOpen } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { HealthDto } from '../../../preload/contract/client.js';
import { useStores } from '../app/stores-context.js';
import { ageText, clockText } from './time-text.js';
import { useNow } from './use-now.js';
import { t } from '../i18n/index.js';

export const HEALTH_POLL_MS = 15_000;

/** The words for each degradation the agent reports; one it does not know yet reads as a generic one. */
function wordsFor(code: string | undefined): { title: string; text: string } {
  if (code === 'DISK_FULL') {
    return { title: t('common:degraded.diskFull.title'), text: t('common:degraded.diskFull.text') };
  }
  return { title: t('common:degraded.unknown.title'), text: t('common:degraded.unknown.text') };
}

export function DegradedBanner({ pollMs = HEALTH_POLL_MS }: { pollMs?: number }) {
  const { client } = useStores();
  const [health, setHealth] = useState<HealthDto | null>(null);

  useEffect(() => {
    let live = true;
    const look = () =>
      client.health().then(
        (h) => live && setHealth(h),
        // Unreachable: the connection indicator says so; keep what was last known.
        () => {},
      );
    void look();
    const timer = setInterval(() => void look(), pollMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [client, pollMs]);

  return (
    <>
      {health?.insecureLan ? <InsecureLanNotice /> : null}
      {health?.status === 'degraded' ? <Degraded health={health} /> : null}
    </>
  );
}

function InsecureLanNotice() {
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconLockOpen aria-hidden />}
      title={t('common:insecureLan.title')}
      role="status"
      data-testid="insecure-lan-notice"
      radius={0}
    >
      <Text size="sm">{t('common:insecureLan.text')}</Text>
    </Alert>
  );
}

function Degraded({ health }: { health: HealthDto }) {
  const words = wordsFor(health.reason?.code);
  const now = useNow();
  return (
    <Alert
      color="red"
      variant="filled"
      icon={<IconDatabaseOff aria-hidden />}
      title={words.title}
      role="alert"
      data-testid="degraded-banner"
      radius={0}
    >
      <Text size="sm">
        {words.text}
        {health.reason?.since ? (
          <>
            {' '}
            <time dateTime={health.reason.since} title={clockText(health.reason.since)}>
              {t('common:degraded.since', { ago: ageText(health.reason.since, now) })}
            </time>
          </>
        ) : null}
      </Text>
    </Alert>
  );
}
