// An admin page reached by someone else (a bookmark, a link): it says who may, instead of a list of refusals. It
// keeps the page's title as its heading, so opening it puts the focus there as on any page (use-page-open.ts).
import { Alert, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/PageHeader.js';
import { t } from '../../i18n/index.js';
import { useIsAdmin } from './use-access.js';

export function AdminOnlyPage({ title, children }: { title: string; children: ReactNode }) {
  const admin = useIsAdmin();
  if (!admin)
    return (
      <Stack gap={0}>
        <PageHeader title={title} />
        <Alert color="yellow" title={t('access:adminsOnly')} data-testid="admins-only-page">
          {t('access:adminsOnly.why')}
        </Alert>
      </Stack>
    );
  return <>{children}</>;
}
