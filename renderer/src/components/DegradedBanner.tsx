// Shown on every page while the agent says it is degraded (GET /health): what fails, in words, and that it recovers
// by itself. Health has no event of its own, so it is asked now and then; the banner goes once the agent is ok.
// The same answer says when the agent was started off loopback without TLS (--allow-insecure-lan): that notice
// stays, since every command the technician sends crosses the network in clear.
import { Alert, Text } from '@mantine/core';
import { IconDatabaseOff, IconLockOpen } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { HealthDto } from '../../../preload/contract/client.js';
import { useStores } from '../app/stores-context.js';
import { TimeAgo } from './TimeAgo.js';

export const HEALTH_POLL_MS = 15_000;

const REASONS: Record<string, { title: string; text: string }> = {
  DISK_FULL: {
    title: "The agent's disk is full",
    text:
      'Nothing new can be saved: commands, callback and settings changes are refused, and notifications from ' +
      "the network are turned away. Free space on the disk that holds the agent's data; the agent carries on " +
      'by itself once there is room.',
  },
};

const UNKNOWN = {
  title: 'The agent works only in part',
  text: 'Some of what it does fails for now; see its log. It carries on by itself once the cause is gone.',
};

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
      title="The connection to this agent is not encrypted"
      role="status"
      data-testid="insecure-lan-notice"
      radius={0}
    >
      <Text size="sm">
        The agent was started on the network without TLS (--allow-insecure-lan): the token and every command
        can be read by anyone on the network. Ask for it to be started with --api-tls-cert and --api-tls-key.
      </Text>
    </Alert>
  );
}

function Degraded({ health }: { health: HealthDto }) {
  const words = (health.reason && REASONS[health.reason.code]) ?? UNKNOWN;
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
            (since <TimeAgo iso={health.reason.since} />)
          </>
        ) : null}
      </Text>
    </Alert>
  );
}
