// The words of roles and permissions: who is signed in, and, for what someone may not do, who may. Read from the
// `access` catalog at each call (the language can change while the app runs); a role in a sentence ("a supervisor",
// "an admin") is the message's own select, so each language puts its article and case.
import type { ActorRef, ApproverRef, Role } from '../../../../preload/contract/vocabulary.js';
import { t } from '../../i18n/index.js';
import { SYSTEM_PARTS } from './access-text.keys.js';

/** "Supervisor": a role's name on its own (badges, pickers). */
export const roleLabel = (role: Role): string => t(`access:role.${role}`);

export const ROLE_COLORS: Readonly<Record<Role, string>> = {
  viewer: 'gray',
  technician: 'blue',
  supervisor: 'grape',
  admin: 'red',
};

/** Words other pages use next to their controls: read at each use, so they follow the language. */
export const ACCESS_TEXT = {
  get adminsOnly(): string {
    return t('access:adminsOnly');
  },
  needsRole: (needed: Role): string => t('access:needsRole', { role: needed }),
};

/** Why a remote cannot be sent from this session, and what to do: never a silently disabled button. */
export function sendRefusalText(
  needed: Role,
  role: Role | null,
  kind: 'operator' | 'token' | 'machine' | 'system' | null,
): string {
  if (role === 'viewer') return t('access:refusal.viewer', { needed });
  if (kind === 'operator') return t('access:refusal.operator', { needed });
  return t('access:refusal.token', { needed, role: role ?? 'none' });
}

/** Who did it, in a few words: "Tess", "fleet script (token) on behalf of Ana", "machine token". */
/** Who acted, in words: the machine token and the agent's own parts are named in the reader's language. */
function actorName(actor: ActorRef): string {
  if (actor.kind === 'token') return t('access:actor.token', { name: actor.name });
  if (actor.kind === 'machine') return t('access:actor.machine');
  if (actor.kind === 'system') {
    const part = SYSTEM_PARTS.find((p) => p === actor.name);
    return part ? t(`access:actor.part.${part}`) : actor.name;
  }
  return actor.name;
}

export function actorText(actor: ActorRef): string {
  const name = actorName(actor);
  return actor.onBehalfOf ? t('access:actor.onBehalfOf', { actor: name, person: actor.onBehalfOf }) : name;
}

export const approvedByText = (approver: ApproverRef): string =>
  t('access:approvedBy', { name: approver.name });

/** "sent by Tess, approved by Sam" — or the operator name recorded before there were operators. */
export function sentByText(
  sentBy: ActorRef | null | undefined,
  approvedBy: ApproverRef | null | undefined,
  recorded: string | null,
): string | null {
  const who = sentBy ? actorText(sentBy) : recorded;
  if (!who) return approvedBy ? approvedByText(approvedBy) : null;
  return approvedBy
    ? t('access:sentByApproved', { who, approver: approvedBy.name })
    : t('access:sentBy', { who });
}
