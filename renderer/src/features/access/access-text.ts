// The words of roles and permissions: who is signed in, and, for what someone may not do, who may.
import type { ActorRef, ApproverRef, Role } from '../../../../preload/contract/vocabulary.js';

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  viewer: 'Viewer',
  technician: 'Technician',
  supervisor: 'Supervisor',
  admin: 'Admin',
};

/** "a supervisor", "an admin": the role in a sentence. */
export const ROLE_WITH_ARTICLE: Readonly<Record<Role, string>> = {
  viewer: 'a viewer',
  technician: 'a technician',
  supervisor: 'a supervisor',
  admin: 'an admin',
};

export const ROLE_COLORS: Readonly<Record<Role, string>> = {
  viewer: 'gray',
  technician: 'blue',
  supervisor: 'grape',
  admin: 'red',
};

export const ACCESS_TEXT = {
  adminsOnly: 'Admins only',
  needsRole: (needed: Role) => `Needs ${ROLE_WITH_ARTICLE[needed]}`,
  adminsOnlyWhy: 'Admins only: sign in as an admin to do this.',
  approveTitle: (needed: Role) => `Approval by ${ROLE_WITH_ARTICLE[needed]}`,
  askApproval: (needed: Role) => `Ask ${ROLE_WITH_ARTICLE[needed]} to approve`,
  approveIntro: (what: string, needed: Role) =>
    `${what} needs ${ROLE_WITH_ARTICLE[needed]}. They choose their name and type their own PIN here to approve ` +
    'this one command; the history records who sent it and who approved it.',
  approver: 'Approved by',
  approverPin: 'Their PIN',
  approveAndSend: 'Approve and send',
  cancel: 'Cancel',
  noApprover: (needed: Role) =>
    `No one here may approve it: an admin must add ${ROLE_WITH_ARTICLE[needed]} (Operators page).`,
  chooseApprover: 'Choose who approves.',
  typePin: 'Type their PIN.',
} as const;

/** Why a remote cannot be sent from this session, and what to do: never a silently disabled button. */
export function sendRefusalText(
  needed: Role,
  role: Role | null,
  kind: 'operator' | 'token' | 'machine' | 'system' | null,
): string {
  if (role === 'viewer')
    return `Viewers cannot send commands: sign in as ${ROLE_WITH_ARTICLE[needed]} (or higher) to send this.`;
  if (kind === 'operator')
    return `Needs ${ROLE_WITH_ARTICLE[needed]} (ask one to approve, or sign in as one)`;
  return `Needs ${ROLE_WITH_ARTICLE[needed]}: this token is ${role ? ROLE_WITH_ARTICLE[role] : 'not allowed'}; sign in as ${ROLE_WITH_ARTICLE[needed]}.`;
}

/** Who did it, in a few words: "Tess", "fleet script (token) on behalf of Ana", "machine token". */
export function actorText(actor: ActorRef): string {
  const name = actor.kind === 'token' ? `${actor.name} (token)` : actor.name;
  return actor.onBehalfOf ? `${name} on behalf of ${actor.onBehalfOf}` : name;
}

export const approvedByText = (approver: ApproverRef) => `approved by ${approver.name}`;

/** "sent by Tess, approved by Sam" — or the operator name recorded before there were operators. */
export function sentByText(
  sentBy: ActorRef | null | undefined,
  approvedBy: ApproverRef | null | undefined,
  recorded: string | null,
): string | null {
  const who = sentBy ? actorText(sentBy) : recorded;
  if (!who) return approvedBy ? approvedByText(approvedBy) : null;
  return approvedBy ? `sent by ${who}, ${approvedByText(approvedBy)}` : `sent by ${who}`;
}
