// Why a received notification could not be read (the problems of a quarantined request, issue 17): each problem
// is a field path, one of these rules and its values, worded by the clients from the `errors` catalog as
// `rule.<rule>`. Problems stored before carry an English `message` instead: it is shown as it is.
import { z } from 'zod';

export const NOTIFICATION_RULES = [
  'notification.emptyBody',
  'notification.notJson',
  'notification.notObject',
  'notification.monitor',
  'notification.unknownShape',
  'notification.eventsNotList',
  'notification.eventNotObject',
  'notification.remoteEventRequired',
  'notification.eventStatusRequired',
  'notification.required',
  'notification.emptyText',
  'notification.notText',
  'notification.textOrNull',
  'notification.dateTime',
  'notification.unreadableStatus',
  'notification.unknownAction',
] as const;

export type NotificationRule = (typeof NOTIFICATION_RULES)[number];

export const isNotificationRule = (rule: string): rule is NotificationRule =>
  (NOTIFICATION_RULES as readonly string[]).includes(rule);

/** What a required text names (`what` in the rules required, emptyText and notText): a select, not words. */
export const NOTIFICATION_IDS = ['remoteActionId', 'eventType', 'eventStatus'] as const;
export type NotificationId = (typeof NOTIFICATION_IDS)[number];

/** What a date names (`what` in the rule dateTime). */
export type NotificationDate = 'eventDate' | 'messageDate';

/** One problem of a quarantined request: new ones have a rule and values, older ones only a message. */
export const notificationProblemSchema = z.object({
  /** A dotted path into the body, or "(body)". */
  field: z.string(),
  rule: z
    .string()
    .optional()
    .describe('Stable code of the problem (NOTIFICATION_RULES), e.g. notification.required'),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** Only on problems stored before the rules: their English message. */
  message: z.string().optional(),
});
export type NotificationProblemDto = z.infer<typeof notificationProblemSchema>;
