import { Badge } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconClock, IconSend, IconBan } from '@tabler/icons-react';
import type { DeliveryStateDto as DeliveryStateName } from '../../../../preload/contract/deliveries.js';

const LOOK: Record<DeliveryStateName, { color: string; text: string; Icon: typeof IconClock }> = {
  Queued: { color: 'blue', text: 'Queued', Icon: IconClock },
  InFlight: { color: 'indigo', text: 'In flight', Icon: IconSend },
  Delivered: { color: 'green', text: 'Delivered', Icon: IconCircleCheck },
  Failed: { color: 'red', text: 'Failed', Icon: IconCircleX },
  Dead: { color: 'red', text: 'Gave up', Icon: IconBan },
};

export function deliveryStateText(state: DeliveryStateName): string {
  return LOOK[state].text;
}

export function DeliveryStateBadge({ state }: { state: DeliveryStateName }) {
  const { color, text, Icon } = LOOK[state];
  return (
    <Badge
      color={color}
      variant={state === 'Delivered' ? 'light' : 'filled'}
      size="lg"
      leftSection={<Icon size={14} aria-hidden />}
    >
      {text}
    </Badge>
  );
}
