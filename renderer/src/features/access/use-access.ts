// The session's permissions as hooks, for any page: whether it is an admin's, and whether a remote may be sent.
import { useStore } from 'zustand';
import type { RemoteType } from '../../../../preload/contract/vocabulary.js';
import { useStores } from '../../app/stores-context.js';
import { t } from '../../i18n/index.js';
import { isAdmin, sendAccess, type SendAccess } from './permissions.js';

export function useIsAdmin(): boolean {
  const stores = useStores();
  return useStore(stores.session, (s) => isAdmin(s.session));
}

/**
 * For a control only admins may use: `disabled` and the words saying so (`title` for a tooltip, `reason` to show
 * next to it), or nothing for an admin.
 */
export function useAdminOnly(): { disabled: boolean; reason: string | undefined } {
  const admin = useIsAdmin();
  return admin ? { disabled: false, reason: undefined } : { disabled: true, reason: t('access:adminsOnly') };
}

/** Whether this session may send this remote body, and if not, who may and whether to ask them. */
export function useSendAccess(type: RemoteType, body: unknown): SendAccess {
  const stores = useStores();
  const session = useStore(stores.session, (s) => s.session);
  return sendAccess(session, type, body);
}
