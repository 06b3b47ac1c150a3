// Next to a send button the session may not use: who may, and — for an operator who may send other commands — a
// way to have one approve this one here. Renders nothing when the session may send it.
import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconLockAccess } from '@tabler/icons-react';
import { useState } from 'react';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import { t } from '../../i18n/index.js';
import { sendRefusalText } from './access-text.js';
import { ApprovalDialog, isApprovalRefusal, type Approval } from './ApprovalDialog.js';
import type { SendAccess } from './permissions.js';

export function SendAccessNote({
  access,
  what,
  beforeAsk,
  onApprove,
}: {
  access: SendAccess;
  /** The command in a few words, e.g. "Immobilize Van 01". */
  what: string;
  /** Checks the form first (e.g. a dangerous command's reason); false keeps the dialog closed. */
  beforeAsk?: () => boolean;
  /** Sends with the approval; answers the refusal to show in the dialog, or null once sent. */
  onApprove(approval: Approval): Promise<ClientFailure | null>;
}) {
  const [asking, setAsking] = useState(false);
  if (access.allowed) return null;
  return (
    <>
      <Alert color="yellow" icon={<IconLockAccess aria-hidden />} data-testid="send-access-note">
        <Stack gap="xs" align="flex-start">
          <Text id="send-access-reason">{sendRefusalText(access.needed, access.role, access.kind)}</Text>
          {access.canAsk ? (
            <Button
              variant="light"
              onClick={() => {
                if (!beforeAsk || beforeAsk()) setAsking(true);
              }}
            >
              {t('access:approve.ask', { role: access.needed })}
            </Button>
          ) : null}
        </Stack>
      </Alert>
      {access.canAsk ? (
        <ApprovalDialog
          opened={asking}
          needed={access.needed}
          what={what}
          onCancel={() => setAsking(false)}
          onApprove={async (approval) => {
            const refusal = await onApprove(approval);
            // The approval refused stays in the dialog to try again; anything else is the form's to show.
            if (refusal && isApprovalRefusal(refusal)) return refusal;
            setAsking(false);
            return null;
          }}
        />
      ) : null}
    </>
  );
}
