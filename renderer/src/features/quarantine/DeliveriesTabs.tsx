// The two halves of #/deliveries: what goes out (the outbox) and what came in but could not be applied (the
// quarantine), with how many of those need attention. Links, so each half can be bookmarked and opened with the
// keyboard.
import { Badge, Group, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconAlertOctagon, IconSend } from '@tabler/icons-react';
import { type ReactNode, useEffect } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores-context.js';
import classes from './DeliveriesTabs.module.css';

export function DeliveriesTabs({ current }: { current: 'outbox' | 'quarantine' }) {
  const stores = useStores();
  const unresolved = useStore(stores.quarantine, (s) => s.unresolved);
  const status = useStore(stores.quarantine, (s) => s.status);

  useEffect(() => {
    // The count comes with the first page; the quarantine page reads it anyway.
    if (current === 'outbox' && stores.quarantine.getState().status === 'idle')
      void stores.quarantine.getState().load();
  }, [stores, current]);

  const tab = (key: typeof current, href: string, label: string, icon: ReactNode, extra?: ReactNode) => (
    <UnstyledButton
      component="a"
      href={href}
      className={classes.tab}
      data-active={current === key || undefined}
      aria-current={current === key ? 'page' : undefined}
    >
      <Group gap={8} wrap="nowrap">
        {icon}
        {label}
        {extra}
      </Group>
    </UnstyledButton>
  );

  return (
    <nav aria-label="Deliveries" className={classes.tabs}>
      {tab('outbox', '#/deliveries', 'Outbox', <IconSend size={18} aria-hidden />)}
      {status === 'unavailable'
        ? null
        : tab(
            'quarantine',
            '#/deliveries/quarantine',
            'Quarantine',
            <IconAlertOctagon size={18} aria-hidden />,
            unresolved ? (
              <Badge color="orange" variant="filled" size="sm" data-testid="quarantine-count">
                {unresolved.toLocaleString()}
                <VisuallyHidden> need attention</VisuallyHidden>
              </Badge>
            ) : null,
          )}
    </nav>
  );
}
