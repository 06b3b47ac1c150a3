// Said next to a control only admins may use, when the session is not an admin's: the control is disabled, never
// hidden, and this says who may. `id` lets the control point at it (aria-describedby).
import { Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { t } from '../../i18n/index.js';
import { useIsAdmin } from './use-access.js';

export function AdminsOnlyNote({ id }: { id?: string }) {
  const admin = useIsAdmin();
  if (admin) return null;
  return (
    <Text size="sm" c="dimmed" id={id} data-testid="admins-only">
      <IconLock size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {t('access:adminsOnly')}
    </Text>
  );
}
