// Said once after a token sign-in that could not enrol this browser (e.g. a scoped token that is not an admin's):
// the sign-in worked; PIN sign-in is what is missing, and the agent's message says why.
import { Alert } from '@mantine/core';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores-context.js';
import { t } from '../../i18n/index.js';
import { failureMessage } from '../../components/field-errors.js';

export function EnrolNotice() {
  const stores = useStores();
  const notice = useStore(stores.session, (s) => s.notice);
  if (!notice) return null;
  return (
    <Alert
      color="orange"
      title={t('session:enrolFailed')}
      withCloseButton
      closeButtonLabel={t('session:dismiss')}
      onClose={() => stores.session.getState().dismissNotice()}
      data-testid="enrol-notice"
    >
      {failureMessage(notice)}
    </Alert>
  );
}
