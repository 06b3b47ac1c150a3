// A fleet row's quick actions: a horn to find the vehicle, a lock, sent at once through the callback the send form
// would pick. Each stays visible when it cannot go, and says why (the vehicle cannot, the role may not, one is on its
// way). Reached with the arrow keys from the row, not with Tab.
import { IconLock, IconSpeakerphone, type Icon } from '@tabler/icons-react';
import { useState } from 'react';
import { useStore } from 'zustand';
import type { RemoteActionDto, VehicleSummaryDto } from '../../../../preload/contract/dto.js';
import { useStores } from '../../app/stores-context.js';
import { ACCESS_TEXT } from '../access/access-text.js';
import { sendAccess } from '../access/permissions.js';
import { preferredCallbackId } from '../remotes/CallbackPicker.js';
import { capabilityOf } from '../remotes/FeaturePicker.js';
import { remoteBody } from '../remotes/models/remote-draft.js';
import { QUICK_TEXT } from './fleet-text.js';
import classes from './FleetGrid.module.css';

export interface QuickAction {
  type: 'Horn' | 'Doors';
  label: string;
  body: Record<string, unknown>;
  icon: Icon;
}

export const QUICK_ACTIONS: readonly QuickAction[] = [
  {
    type: 'Horn',
    label: QUICK_TEXT.horn,
    body: remoteBody('Horn', { state: 'Activated' }),
    icon: IconSpeakerphone,
  },
  { type: 'Doors', label: QUICK_TEXT.lock, body: remoteBody('Doors', { state: 'Locked' }), icon: IconLock },
];

export type QuickSend = (
  vehicle: VehicleSummaryDto,
  action: QuickAction,
  callbackId: string,
) => Promise<void>;

export function QuickActions({
  vehicle,
  inFlight,
  onSend,
}: {
  vehicle: VehicleSummaryDto;
  inFlight: RemoteActionDto[] | undefined;
  onSend: QuickSend;
}) {
  const stores = useStores();
  const session = useStore(stores.session, (s) => s.session);
  const callbacks = useStore(stores.callbacks, (s) => s.items);
  const [busy, setBusy] = useState<QuickAction['type'] | null>(null);
  const name = vehicle.label ?? vehicle.vin;
  return (
    <span className={classes.quick}>
      {QUICK_ACTIONS.map((q) => {
        const access = sendAccess(session, q.type, q.body);
        const capability = capabilityOf(vehicle, q.type);
        const callbackId = preferredCallbackId(callbacks, q.type);
        const why = !capability.supported
          ? QUICK_TEXT.cannot(capability.reason)
          : !access.allowed
            ? access.role === 'viewer'
              ? QUICK_TEXT.viewer
              : ACCESS_TEXT.needsRole(access.needed)
            : inFlight?.some((a) => a.type === q.type)
              ? QUICK_TEXT.inProgress
              : !callbackId
                ? QUICK_TEXT.noCallback
                : null;
        const what = `${q.label} ${name}`;
        return (
          <button
            key={q.type}
            type="button"
            className={classes.quickButton}
            tabIndex={-1}
            data-row-item
            data-testid={`quick-${q.type === 'Horn' ? 'horn' : 'lock'}`}
            aria-label={why ? `${what} (${why})` : what}
            title={why ? `${q.label}: ${why}` : what}
            // Not `disabled`: it stays reachable with the arrows, and says why it cannot go.
            aria-disabled={why ? true : undefined}
            aria-busy={busy === q.type || undefined}
            onClick={async (event) => {
              event.stopPropagation();
              if (why || busy || !callbackId) return;
              setBusy(q.type);
              try {
                await onSend(vehicle, q, callbackId);
              } finally {
                setBusy(null);
              }
            }}
          >
            <q.icon size={16} aria-hidden />
          </button>
        );
      })}
    </span>
  );
}
