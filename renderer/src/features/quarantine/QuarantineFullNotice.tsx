// Shown with the deliveries while the receiver refuses notifications because its quarantine is full: only
// notifications waiting for a remote action this agent does not know yet remain there (they are never dropped),
// so a notification that cannot be applied is answered 500 and the network keeps retrying it. Says what to do.
import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { QuarantineCapacityDto } from '../../../../preload/contract/quarantine.js';
import { useStores } from '../../app/stores-context.js';
import { formatNumber } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { LinkedSentence } from '../deliveries/LinkedSentence.js';

/** Refusals store nothing and publish nothing: the state is read again now and then. */
const REFRESH_MS = 30_000;

/** Megabytes, with a tenth below 10 MB. */
const mib = (bytes: number) => {
  const digits = bytes < 10 * 1024 * 1024 ? 1 : 0;
  const size = formatNumber(bytes / (1024 * 1024), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return t('quarantine:size.mb', { size });
};

export function QuarantineFullNotice({ refreshMs = REFRESH_MS }: { refreshMs?: number }) {
  const { client } = useStores();
  const [capacity, setCapacity] = useState<QuarantineCapacityDto | null>(null);
  useEffect(() => {
    let live = true;
    const read = () =>
      client.listQuarantine({ unresolved: true, limit: 1 }).then(
        (page) => {
          if (live) setCapacity(page.capacity);
        },
        // An agent without the route, or out of reach: there is nothing to say about its quarantine.
        () => undefined,
      );
    void read();
    const timer = setInterval(() => void read(), refreshMs);
    // A kept notification, or one replayed, resolved or dropped, changes the state.
    const off = client.subscribe((event) => {
      if (
        event.name === 'quarantine.added' ||
        (event.name === 'audit.appended' && event.data.entry.action.startsWith('quarantine.'))
      )
        void read();
    });
    return () => {
      live = false;
      clearInterval(timer);
      off();
    };
  }, [client, refreshMs]);

  if (!capacity?.full) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('quarantine:full.title')}
      role="alert"
      data-testid="quarantine-full"
    >
      <Text size="sm">
        <LinkedSentence
          text={t('quarantine:full.text', {
            waiting: mib(capacity.waitingBytes),
            cap: mib(capacity.capBytes),
          })}
          href="#/deliveries/quarantine"
        />
      </Text>
    </Alert>
  );
}
