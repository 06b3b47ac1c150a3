// Shown on every page while a webhook target does not answer: nothing is lost, it is queued and sent later.
import { Alert, Anchor, Text } from '@mantine/core';
import { IconWifiOff } from '@tabler/icons-react';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores-context.js';
import { ageText } from '../../components/time-text.js';
import { useNow } from '../../components/use-now.js';
import { t } from '../../i18n/index.js';
import { offlineTargets } from '../../stores/deliveries-store.js';

export function OfflineBanner() {
  const stores = useStores();
  const targets = useStore(stores.deliveries, (s) => s.targets);
  const now = useNow();
  const offline = offlineTargets(targets);
  if (offline.length === 0) return null;
  const waiting = offline.reduce((n, target) => n + target.queued + target.waitingForBatch, 0);
  const first = offline[0]!;
  return (
    <Alert
      color="orange"
      variant="filled"
      icon={<IconWifiOff aria-hidden />}
      title={
        offline.length === 1
          ? t('deliveries:offline.title.one', { origin: first.origin })
          : t('deliveries:offline.title.many', { count: offline.length })
      }
      role="status"
      data-testid="offline-banner"
      radius={0}
    >
      <Text size="sm">
        {waiting > 0 ? `${t('deliveries:offline.waiting', { count: waiting })} ` : ''}
        {first.since
          ? t('deliveries:offline.nothingLost.since', { ago: ageText(first.since, now) })
          : t('deliveries:offline.nothingLost')}{' '}
        <Anchor href="#/deliveries" c="white" underline="always">
          {t('deliveries:offline.see')}
        </Anchor>
      </Text>
    </Alert>
  );
}
