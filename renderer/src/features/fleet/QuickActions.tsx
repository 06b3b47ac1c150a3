// A fleet row's quick actions: a horn to find the vehicle, a lock, sent at once through the callback the send form
// would pick. Each stays visible when it cannot go, and says why (the vehicle cannot, the role may not, one is on its
// way). Reached with the arrow keys from the row, not with Tab.
import { useState } from 'react';
import { useStore } from 'zustand';
import type { RemoteActionDto, VehicleSummaryDto } from '../../../../preload/contract/dto.js';
import { useStores } from '../../app/stores-context.js';
import { ACCESS_TEXT } from '../access/access-text.js';
import { sendAccess } from '../access/permissions.js';
import { preferredCallbackId } from '../remotes/CallbackPicker.js';
import { capabilityOf, capabilityWhy } from '../remotes/FeaturePicker.js';
import { remoteBody } from '../remotes/models/remote-draft.js';
import { featureIcon } from './FeatureSprite.js';
import classes from './FleetGrid.module.css';
import { type QuickKind, quickText } from './quick-text.js';

export interface QuickAction {
  type: 'Horn' | 'Doors';
  /** Which quick action, for its words (quick-text.ts); its icon is its feature's (FeatureSprite.tsx). */
  kind: QuickKind;
  body: Record<string, unknown>;
}

export const QUICK_ACTIONS: readonly QuickAction[] = [
  {
    type: 'Horn',
    kind: 'horn',
    body: remoteBody('Horn', { state: 'Activated' }),
  },
  { type: 'Doors', kind: 'lock', body: remoteBody('Doors', { state: 'Locked' }) },
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
          ? quickText.cannot(capabilityWhy(vehicle, q.type))
          : !access.allowed
            ? access.role === 'viewer'
              ? quickText.viewer()
              : ACCESS_TEXT.needsRole(access.needed)
            : inFlight?.some((a) => a.type === q.type)
              ? quickText.inProgress()
              : !callbackId
                ? quickText.noCallback()
                : null;
        const what = quickText.name(q.kind, name);
        return (
          <button
            key={q.type}
            type="button"
            className={classes.quickButton}
            tabIndex={-1}
            data-row-item
            data-testid={`quick-${q.kind}`}
            aria-label={why ? quickText.nameWhy(q.kind, name, why) : what}
            title={why ? quickText.titleWhy(q.kind, why) : what}
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
            {featureIcon(q.type, 16)}
          </button>
        );
      })}
    </span>
  );
}
