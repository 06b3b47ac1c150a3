import { Badge } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconClock, IconSend, IconBan } from '@tabler/icons-react';
import type { DeliveryStateDto as DeliveryStateName } from '../../../../preload/contract/deliveries.js';
import { t } from '../../i18n/index.js';

const LOOK: Record<DeliveryStateName, { color: string; Icon: typeof IconClock }> = {
  Queued: { color: 'blue', Icon: IconClock },
  InFlight: { color: 'indigo', Icon: IconSend },
  Delivered: { color: 'green', Icon: IconCircleCheck },
  Failed: { color: 'red', Icon: IconCircleX },
  Dead: { color: 'red', Icon: IconBan },
};

/** A delivery state in words (read when shown: the language can change). */
export function deliveryStateText(state: DeliveryStateName): string {
  switch (state) {
    case 'Queued':
      return t('deliveries:state.queued');
    case 'InFlight':
      return t('deliveries:state.inFlight');
    case 'Delivered':
      return t('deliveries:state.delivered');
    case 'Failed':
      return t('deliveries:state.failed');
    case 'Dead':
      return t('deliveries:state.dead');
  }
}

export function DeliveryStateBadge({ state }: { state: DeliveryStateName }) {
  const { color, Icon } = LOOK[state];
  return (
    <Badge
      color={color}
      variant={state === 'Delivered' ? 'light' : 'filled'}
      size="lg"
      leftSection={<Icon size={14} aria-hidden />}
    >
      {deliveryStateText(state)}
    </Badge>
  );
}
