// The two halves of #/deliveries: what goes out (the outbox) and what came in but could not be applied (the
// quarantine), with how many of those need attention. Links, so each half can be bookmarked and opened with the
// keyboard.
import { Badge, Group, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconAlertOctagon, IconSend } from '@tabler/icons-react';
import { type ReactNode, useEffect } from 'react';
import { useStore } from 'zustand';
import { useStores } from '../../app/stores-context.js';
import { formatNumber } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
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

  const count = unresolved ? (
    <Badge color="orange" variant="filled" size="sm" data-testid="quarantine-count">
      {formatNumber(unresolved)}
      <VisuallyHidden> {t('quarantine:tabs.needAttention', { count: unresolved })}</VisuallyHidden>
    </Badge>
  ) : null;
  const outbox = tab(
    'outbox',
    '#/deliveries',
    t('quarantine:tabs.outbox'),
    <IconSend size={18} aria-hidden />,
  );
  const quarantine =
    status === 'unavailable'
      ? null
      : tab(
          'quarantine',
          '#/deliveries/quarantine',
          t('quarantine:page.title'),
          <IconAlertOctagon size={18} aria-hidden />,
          count,
        );

  return (
    <nav aria-label={t('quarantine:tabs.label')} className={classes.tabs}>
      {outbox}
      {quarantine}
    </nav>
  );
}
