// Whether live updates are arriving: "Live", or "Reconnecting…" while the stream is down (what is on screen may be
// out of date meanwhile). Colour, icon and words.
import { Badge, Tooltip } from '@mantine/core';
import { IconAntenna, IconPlugConnectedX, IconRefresh } from '@tabler/icons-react';
import { useStore } from 'zustand';
import { useStores } from '../app/stores-context.js';

export function ConnectionIndicator() {
  const stores = useStores();
  const state = useStore(stores.connection, (s) => s.state);
  const look =
    state === 'live'
      ? { color: 'green', text: 'Live', Icon: IconAntenna, tip: 'Changes appear as they happen.' }
      : state === 'closed'
        ? { color: 'gray', text: 'Offline', Icon: IconPlugConnectedX, tip: 'Not connected to the agent.' }
        : {
            color: 'orange',
            text: state === 'connecting' ? 'Connecting…' : 'Reconnecting…',
            Icon: IconRefresh,
            tip: 'The live connection to the agent dropped; retrying. What is shown may be out of date.',
          };
  return (
    <Tooltip label={look.tip}>
      <Badge
        size="lg"
        color={look.color}
        variant={state === 'live' ? 'light' : 'filled'}
        leftSection={<look.Icon size={14} aria-hidden />}
        role="status"
        aria-live="polite"
        data-testid="connection"
        data-state={state}
      >
        {look.text}
      </Badge>
    </Tooltip>
  );
}
