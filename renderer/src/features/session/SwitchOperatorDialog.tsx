// "Switch operator": the picker in a dialog, with the operator chosen in the menu already selected, so it takes
// the PIN and Enter. A refusal (wrong PIN, a lock) is said here and the current operator stays signed in.
import { Modal } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ClientFailure } from '../../../../preload/contract/client.js';
import { useStores } from '../../app/stores-context.js';
import { OperatorPicker } from '../login/OperatorPicker.js';
import { t } from '../../i18n/index.js';

export function SwitchOperatorDialog({ memberId, onClose }: { memberId: string | null; onClose(): void }) {
  const stores = useStores();
  const members = useStore(stores.team, (s) => s.items);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ClientFailure | null>(null);
  useEffect(() => setFailure(null), [memberId]);

  return (
    <Modal opened={memberId !== null} onClose={onClose} title={t('session:switchTitle')} centered>
      {memberId !== null ? (
        <OperatorPicker
          members={members}
          initial={memberId}
          busy={busy}
          failure={failure}
          submitLabel={t('session:switchSubmit')}
          onSubmit={(id, pin) => {
            setBusy(true);
            void stores.session
              .getState()
              .switchOperator(id, pin)
              .then((result) => {
                setBusy(false);
                if (result.ok) onClose();
                else setFailure(result.error);
              });
          }}
        />
      ) : null}
    </Modal>
  );
}
