// Shown on every page while a webhook target does not answer: nothing is lost, it is queued and sent later.
import { Alert, Anchor, Text } from '@mantine/core';
import { IconWifiOff } from '@tabler/icons-react';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores-context.js';
import { TimeAgo } from '../../components/TimeAgo.js';
import { offlineTargets } from '../../stores/deliveries-store.js';

export function OfflineBanner() {
  const stores = useStores();
  const targets = useStore(stores.deliveries, (s) => s.targets);
  const offline = offlineTargets(targets);
  if (offline.length === 0) return null;
  const waiting = offline.reduce((n, t) => n + t.queued + t.waitingForBatch, 0);
  const first = offline[0]!;
  return (
    <Alert
      color="orange"
      variant="filled"
      icon={<IconWifiOff aria-hidden />}
      title={
        offline.length === 1
          ? `Site offline: ${first.origin} does not answer`
          : `${offline.length} of your systems do not answer`
      }
      role="status"
      data-testid="offline-banner"
      radius={0}
    >
      <Text size="sm">
        {waiting > 0 ? `${waiting} notification${waiting === 1 ? ' is' : 's are'} kept in the queue. ` : ''}
        Nothing is lost: they are delivered as soon as it answers again, and time offline does not use up
        retries
        {first.since ? (
          <>
            {' '}
            (down since <TimeAgo iso={first.since} />)
          </>
        ) : null}
        .{' '}
        <Anchor href="#/deliveries" c="white" underline="always">
          See deliveries
        </Anchor>
      </Text>
    </Alert>
  );
}
