import { Alert } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A part of the app this agent does not offer yet: said plainly, not shown as an error. */
export function NotAvailable({ what, children }: { what: string; children?: ReactNode }) {
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<IconInfoCircle aria-hidden />}
      title={`${what}: not available in this version`}
      data-testid="not-available"
    >
      {children ?? 'This agent does not offer it yet. It will appear here once the agent is updated.'}
    </Alert>
  );
}
