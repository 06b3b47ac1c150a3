// An admin page reached by someone else (a bookmark, a link): it says who may, instead of a list of refusals.
import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { ACCESS_TEXT } from './access-text.js';
import { useIsAdmin } from './use-access.js';

export function AdminOnlyPage({ children }: { children: ReactNode }) {
  const admin = useIsAdmin();
  if (!admin)
    return (
      <Alert color="yellow" title={ACCESS_TEXT.adminsOnly} data-testid="admins-only-page">
        {ACCESS_TEXT.adminsOnlyWhy}
      </Alert>
    );
  return <>{children}</>;
}
