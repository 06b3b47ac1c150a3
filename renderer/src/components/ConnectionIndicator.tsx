// Whether live updates are arriving: "Live", or "Reconnecting…" while the stream is down (what is on screen may be
// out of date meanwhile). Colour, icon and words; what it means on hover, as the badge's title (a Mantine Tooltip
// set up floating-ui on every page's first render for this one line).
import { Badge } from '@mantine/core';
import { IconAntenna, IconPlugConnectedX, IconRefresh } from '@tabler/icons-react';
import { useStore } from 'zustand';
import { useStores } from '../app/stores-context.js';
import { t } from '../i18n/index.js';

export function ConnectionIndicator() {
  const stores = useStores();
  const state = useStore(stores.connection, (s) => s.state);
  const look =
    state === 'live'
      ? {
          color: 'green',
          text: t('common:connection.live'),
          Icon: IconAntenna,
          tip: t('common:connection.live.tip'),
        }
      : state === 'closed'
        ? {
            color: 'gray',
            text: t('common:connection.offline'),
            Icon: IconPlugConnectedX,
            tip: t('common:connection.offline.tip'),
          }
        : {
            color: 'orange',
            text:
              state === 'connecting'
                ? t('common:connection.connecting')
                : t('common:connection.reconnecting'),
            Icon: IconRefresh,
            tip: t('common:connection.reconnecting.tip'),
          };
  return (
    <Badge
      size="lg"
      color={look.color}
      variant={state === 'live' ? 'light' : 'filled'}
      leftSection={<look.Icon size={14} aria-hidden />}
      role="status"
      aria-live="polite"
      data-testid="connection"
      data-state={state}
      title={look.tip}
    >
      {look.text}
    </Badge>
  );
}
