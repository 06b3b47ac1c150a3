// The success messages of the app (toasts-store.ts), in the bottom corner. The region is always there, empty until a
// message comes, so screen readers announce each one as it is added (a live region that appears with its text is
// often not read); polite: it waits for what is being read to end. A message never takes the focus.
import { Notification } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useStore } from 'zustand';
import { useStores } from '../app/stores-context.js';
import classes from './StatusToasts.module.css';
import { t } from '../i18n/index.js';

export function StatusToasts() {
  const stores = useStores();
  const items = useStore(stores.toasts, (s) => s.items);
  return (
    <div role="status" aria-live="polite" aria-atomic="false" className={classes.toasts} data-testid="toasts">
      {items.map((toast) => (
        <Notification
          key={toast.id}
          // Not an alert of its own: the region around says it, once.
          role="none"
          color="green"
          icon={<IconCheck size={20} aria-hidden />}
          withBorder
          closeButtonProps={{ 'aria-label': t('common:toast.dismiss') }}
          onClose={() => stores.toasts.getState().dismiss(toast.id)}
          className={classes.toast}
          data-testid="toast"
        >
          {toast.message}
        </Notification>
      ))}
    </div>
  );
}
