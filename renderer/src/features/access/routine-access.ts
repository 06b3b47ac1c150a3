// Who may change the depot routines (issue 16), as the agent decides it: groups and cancelling a bulk command are
// for technicians and above, schedules for supervisors and admins. Others see them read-only, and are told who may.
import { useStore } from 'zustand';
import type { SessionDto } from '../../../../preload/contract/access.js';
import { roleAtLeast, type Role } from '../../../../preload/contract/vocabulary.js';
import { useStores } from '../../app/stores-context.js';
import { t } from '../../i18n/index.js';
import { sessionRole } from './permissions.js';

export const ROUTINE_ROLES = {
  groups: 'technician',
  cancelBulk: 'technician',
  schedules: 'supervisor',
} as const satisfies Record<string, Role>;

export type RoutineAccess = Record<keyof typeof ROUTINE_ROLES, boolean>;

export function routineAccess(session: SessionDto | null): RoutineAccess {
  const role = sessionRole(session);
  const may = (needed: Role) => role !== null && roleAtLeast(role, needed);
  return {
    groups: may(ROUTINE_ROLES.groups),
    cancelBulk: may(ROUTINE_ROLES.cancelBulk),
    schedules: may(ROUTINE_ROLES.schedules),
  };
}

export function useRoutineAccess(): RoutineAccess {
  const stores = useStores();
  const session = useStore(stores.session, (s) => s.session);
  return routineAccess(session);
}

/** Said next to what the session may see but not change: read at each use, so it follows the language. */
export const ROUTINE_ACCESS_TEXT = {
  get groups(): string {
    return t('access:routine.groups', { role: ROUTINE_ROLES.groups });
  },
  get schedules(): string {
    return t('access:routine.schedules');
  },
  get cancelBulk(): string {
    return t('access:routine.cancelBulk', { role: ROUTINE_ROLES.cancelBulk });
  },
};
