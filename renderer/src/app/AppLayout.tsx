// The frame of every page: the header (live indicator, who is signed in and the session menu), the navigation (the
// admin's pages for admins only), the banners (agent degraded, sites offline, first admin), and the idle lock.
import { AppShell, Burger, Group, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconCalendarTime,
  IconCar,
  IconStack2,
  IconUsersGroup,
  IconHistory,
  IconKey,
  IconListDetails,
  IconSend,
  IconSettings,
  IconShieldLock,
  IconUsers,
  IconWebhook,
  IconRemoteControl,
} from '@tabler/icons-react';
import { useStore } from 'zustand';
import { ConnectionIndicator } from '../components/ConnectionIndicator.js';
import { DegradedBanner } from '../components/DegradedBanner.js';
import { StatusToasts } from '../components/StatusToasts.js';
import { pageKeyOf, usePageOpen } from '../components/use-page-open.js';
import { useIsAdmin } from '../features/access/use-access.js';
import { OfflineBanner } from '../features/deliveries/OfflineBanner.js';
import { EnrolNotice } from '../features/session/EnrolNotice.js';
import { FirstAdminBanner } from '../features/session/FirstAdminBanner.js';
import { SessionMenu } from '../features/session/SessionMenu.js';
import type { Route } from '../stores/router-store.js';
import classes from './AppLayout.module.css';
import { Routes } from './Routes.js';
import { useStores } from './stores-context.js';
import { useIdleLock } from './use-idle-lock.js';
import { LanguageMenu } from '../i18n/LanguageMenu.js';
import { t } from '../i18n/index.js';

/** The product's name: a proper name, the same in every language. */
const PRODUCT_NAME = 'Depot Remote';

interface NavItem {
  label: () => string;
  href: string;
  icon: typeof IconCar;
  matches: Route['name'][];
  /** Shown to admins only (the pages refuse others anyway, and say so). */
  admin?: true;
}

const NAV: NavItem[] = [
  { label: () => t('common:nav.fleet'), href: '#/vehicles', icon: IconCar, matches: ['fleet', 'vehicle'] },
  {
    label: () => t('common:nav.history'),
    href: '#/history',
    icon: IconHistory,
    matches: ['history', 'action'],
  },
  { label: () => t('common:nav.groups'), href: '#/groups', icon: IconUsersGroup, matches: ['groups'] },
  {
    label: () => t('common:nav.bulks'),
    href: '#/bulks',
    icon: IconStack2,
    matches: ['bulks', 'bulk', 'bulk-new'],
  },
  {
    label: () => t('common:nav.schedules'),
    href: '#/schedules',
    icon: IconCalendarTime,
    matches: ['schedules', 'schedule', 'schedule-new'],
  },
  {
    label: () => t('common:nav.callbacks'),
    href: '#/callbacks',
    icon: IconWebhook,
    matches: ['callbacks', 'callback', 'callback-new'],
  },
  {
    label: () => t('common:nav.deliveries'),
    href: '#/deliveries',
    icon: IconSend,
    matches: ['deliveries', 'quarantine', 'quarantine-entry'],
  },
  { label: () => t('common:nav.audit'), href: '#/audit', icon: IconListDetails, matches: ['audit'] },
  { label: () => t('common:nav.settings'), href: '#/settings', icon: IconSettings, matches: ['settings'] },
  {
    label: () => t('common:nav.operators'),
    href: '#/operators',
    icon: IconUsers,
    matches: ['operators'],
    admin: true,
  },
  { label: () => t('common:nav.tokens'), href: '#/tokens', icon: IconKey, matches: ['tokens'], admin: true },
  {
    label: () => t('common:nav.policy'),
    href: '#/policy',
    icon: IconShieldLock,
    matches: ['policy'],
    admin: true,
  },
];

export function AppLayout() {
  const stores = useStores();
  const route = useStore(stores.router, (s) => s.route);
  const idleLockMinutes = useStore(stores.session, (s) => s.session?.idleLockMinutes ?? 0);
  const admin = useIsAdmin();
  const [opened, { toggle, close }] = useDisclosure();
  useIdleLock(idleLockMinutes, () => void stores.session.getState().lock(idleLockMinutes));
  // Every page opens at its top with the focus on its heading.
  usePageOpen(pageKeyOf(route));

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a href="#main" className={classes.skip}>
        {t('common:skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('common:menu')}
            />
            <ThemeIcon size={36} radius="md" color="indigo">
              <IconRemoteControl size={22} aria-hidden />
            </ThemeIcon>
            <Text fw={800} size="xl">
              {PRODUCT_NAME}
            </Text>
            <ConnectionIndicator />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageMenu />
            <SessionMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('common:nav.label')}>
        {/* Plain links drawn as Mantine's NavLink (AppLayout.module.css): a dozen of them, on the first render. */}
        {NAV.filter((item) => admin || !item.admin).map((item) => (
          <a
            key={item.href}
            href={item.href}
            aria-current={item.matches.includes(route.name) ? 'page' : undefined}
            onClick={close}
            className={classes.nav}
          >
            <span className={classes.navIcon}>
              <item.icon size={22} aria-hidden />
            </span>
            <span className={classes.navLabel}>{item.label()}</span>
          </a>
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <div className={classes.banner}>
          <DegradedBanner />
          <OfflineBanner />
          <FirstAdminBanner />
          <EnrolNotice />
        </div>
        <Routes />
        {/* Inside the main landmark, as all content must be; drawn fixed in the corner. */}
        <StatusToasts />
      </AppShell.Main>
    </AppShell>
  );
}
