// An admin page reached by someone else (a bookmark, a link): it says who may, instead of a list of refusals. It
// keeps the page's title as its heading, so opening it puts the focus there as on any page (use-page-open.ts).
import { Alert, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/PageHeader.js';
import { ACCESS_TEXT } from './access-text.js';
import { useIsAdmin } from './use-access.js';

export function AdminOnlyPage({ title, children }: { title: string; children: ReactNode }) {
  const admin = useIsAdmin();
  if (!admin)
    return (
      <Stack gap={0}>
        <PageHeader title={title} />
        <Alert color="yellow" title={ACCESS_TEXT.adminsOnly} data-testid="admins-only-page">
          {ACCESS_TEXT.adminsOnlyWhy}
        </Alert>
      </Stack>
    );
  return <>{children}</>;
}
