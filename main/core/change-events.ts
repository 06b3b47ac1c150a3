// The wire event (preload/contract/events.ts) for each domain event, for the change feed: records are read and
// described here, at the edge, and only while a client, the desktop window or the tray watches.
import type { ChangeEvent } from '../../preload/contract/events.js';
import type { CallbackDto, RemoteActionDto, VehicleDto } from '../../preload/contract/dto.js';
import type { DeliveryDto, TargetReachabilityDto } from '../../preload/contract/deliveries.js';
import type { BulkSummaryDto, GroupDto, ScheduleDto } from '../../preload/contract/routines.js';
import type { ActionRecord, DeliveryRecord } from './db/index.js';
import type { DomainEvent } from './events/domain-events.js';
import { toAuditDto } from './kernel/dto-mappers.js';
import { toQuarantineEntryDto } from './receiver/quarantine-dto.js';

export interface ChangeViews {
  /** The vehicle with its condition (vehicles service `view`); null when unknown. */
  vehicle(id: string): VehicleDto | null;
  /** The action as every client sees it, with its place in the queue while it waits (kernel/action-view.ts). */
  action(record: ActionRecord): RemoteActionDto;
  /** The callback as every client sees it; null once deleted (callbacks service `view`). */
  callback(id: string): Promise<CallbackDto | null>;
  /** Outbox `views`. */
  delivery(id: string, record?: DeliveryRecord): DeliveryDto | null;
  target(origin: string): TargetReachabilityDto | null;
  /** The group as clients see it; null once deleted (groups service `view`). Absent: a core without routines. */
  group?(id: string): GroupDto | null;
  /** The bulk command with its counts (bulk service `summary`); absent: a core without routines. */
  bulk?(id: string): BulkSummaryDto | null;
  /** The schedule with its next and last run; null once deleted (schedules service `view`). Absent: no routines. */
  schedule?(id: string): ScheduleDto | null;
}

export function changeEventOf(views: ChangeViews) {
  return (event: DomainEvent): ChangeEvent | null | Promise<ChangeEvent | null> => {
    switch (event.type) {
      case 'action.changed':
        return { name: 'action.changed', data: { action: views.action(event.action) } };
      case 'callback.changed': {
        const { callbackId } = event;
        return views
          .callback(callbackId)
          .then((callback): ChangeEvent => ({ name: 'callback.changed', data: { callbackId, callback } }));
      }
      case 'vehicle.changed': {
        const vehicle = views.vehicle(event.vehicleId);
        return vehicle ? { name: 'vehicle.changed', data: { vehicle } } : null;
      }
      case 'audit.appended':
        return { name: 'audit.appended', data: { entry: toAuditDto(event.entry) } };
      case 'delivery.changed': {
        const delivery = views.delivery(event.deliveryId, event.record);
        return delivery ? { name: 'delivery.changed', data: { delivery } } : null;
      }
      case 'target.changed': {
        const target = views.target(event.origin);
        return target ? { name: 'target.changed', data: { target } } : null;
      }
      case 'quarantine.added':
        return { name: 'quarantine.added', data: { entry: toQuarantineEntryDto(event.entry) } };
      case 'group.changed': {
        if (!views.group) return null;
        return { name: 'group.changed', data: { groupId: event.groupId, group: views.group(event.groupId) } };
      }
      case 'bulk.changed': {
        const bulk = views.bulk?.(event.bulkId);
        return bulk ? { name: 'bulk.changed', data: { bulk } } : null;
      }
      case 'schedule.changed': {
        if (!views.schedule) return null;
        const { scheduleId } = event;
        return { name: 'schedule.changed', data: { scheduleId, schedule: views.schedule(scheduleId) } };
      }
      case 'update.changed':
        return { name: 'update.changed', data: { update: event.status } };
    }
  };
}
