// The frame of every page: the header (live indicator, operator, logout), the navigation, the banners (agent
// degraded, sites offline).
import { AppShell, Burger, Button, Group, NavLink, Text, TextInput, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconCar,
  IconHistory,
  IconListDetails,
  IconLogout,
  IconSend,
  IconSettings,
  IconUser,
  IconWebhook,
  IconRemoteControl,
} from '@tabler/icons-react';
import { useStore } from 'zustand';
import { ConnectionIndicator } from '../components/ConnectionIndicator.js';
import { DegradedBanner } from '../components/DegradedBanner.js';
import { OfflineBanner } from '../features/deliveries/OfflineBanner.js';
import type { Route } from '../stores/router-store.js';
import classes from './AppLayout.module.css';
import { Routes } from './Routes.js';
import { useStores } from './stores-context.js';

const NAV: { label: string; href: string; icon: typeof IconCar; matches: Route['name'][] }[] = [
  { label: 'Fleet', href: '#/vehicles', icon: IconCar, matches: ['fleet', 'vehicle'] },
  { label: 'History', href: '#/history', icon: IconHistory, matches: ['history', 'action'] },
  {
    label: 'Callbacks',
    href: '#/callbacks',
    icon: IconWebhook,
    matches: ['callbacks', 'callback', 'callback-new'],
  },
  {
    label: 'Deliveries',
    href: '#/deliveries',
    icon: IconSend,
    matches: ['deliveries', 'quarantine', 'quarantine-entry'],
  },
  { label: 'Audit log', href: '#/audit', icon: IconListDetails, matches: ['audit'] },
  { label: 'Settings', href: '#/settings', icon: IconSettings, matches: ['settings'] },
];

export function AppLayout() {
  const stores = useStores();
  const route = useStore(stores.router, (s) => s.route);
  const operator = useStore(stores.session, (s) => s.operator);
  const [opened, { toggle, close }] = useDisclosure();

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a href="#main" className={classes.skip}>
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <ThemeIcon size={36} radius="md" color="indigo">
              <IconRemoteControl size={22} aria-hidden />
            </ThemeIcon>
            <Text fw={800} size="xl">
              Depot Remote
            </Text>
            <ConnectionIndicator />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <TextInput
              aria-label="Operator name"
              placeholder="Your name"
              leftSection={<IconUser size={16} aria-hidden />}
              value={operator}
              onChange={(e) => stores.session.getState().setOperator(e.currentTarget.value)}
              w={200}
              visibleFrom="md"
            />
            <Button
              variant="default"
              leftSection={<IconLogout size={16} aria-hidden />}
              onClick={() => void stores.session.getState().logout()}
            >
              Log out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main">
        {NAV.map((item) => (
          <NavLink
            key={item.href}
            href={item.href}
            label={item.label}
            leftSection={<item.icon size={22} aria-hidden />}
            active={item.matches.includes(route.name)}
            aria-current={item.matches.includes(route.name) ? 'page' : undefined}
            onClick={close}
            className={classes.nav}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <div className={classes.banner}>
          <DegradedBanner />
          <OfflineBanner />
        </div>
        <Routes />
      </AppShell.Main>
    </AppShell>
  );
}
