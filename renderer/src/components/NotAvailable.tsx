import { Alert } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { t } from '../i18n/index.js';

/** A part of the app this agent does not offer yet: said plainly, not shown as an error. */
export function NotAvailable({ what, children }: { what: string; children?: ReactNode }) {
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<IconInfoCircle aria-hidden />}
      title={t('common:notAvailable.title', { what })}
      data-testid="not-available"
    >
      {children ?? t('common:notAvailable.text')}
    </Alert>
  );
}
