// The page table of the production build (see pages.ts): the fleet, a vehicle, a command and the history come with
// the app — the pages a technician opens first, so the first page shown does not wait for a second script — and
// every other page is its own chunk, so the app evaluates less before its first render. A lazy page renders
// nothing for the moment its chunk loads (Routes.tsx's Suspense); preloadPages loads them all once the page is idle.
import { lazy, type ComponentType } from 'react';
import { FleetView } from '../features/fleet/FleetView.js';
import { VehicleView } from '../features/fleet/VehicleView.js';
import { HistoryView } from '../features/history/HistoryView.js';
import { ActionView } from '../features/timeline/ActionView.js';

/** Each lazy page's loader by its name in the table: it resolves to the page's component. */
const loaders = new Map<string, () => Promise<unknown>>();

/**
 * `name` of the module `load` imports, as a lazy component; its loader is kept for preloadPages. A chunk that
 * cannot be loaded is a page older than the agent's build (the agent was updated while it was open: the chunks'
 * names changed): the page is loaded again, at the same address, rather than left blank.
 */
function page<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  let loading: Promise<M> | null = null;
  const once = () => (loading ??= load());
  loaders.set(String(name), async () => (await once())[name]);
  return lazy(async () => {
    try {
      return { default: (await once())[name] as unknown as ComponentType<object> };
    } catch (error) {
      window.location.reload();
      throw error;
    }
  }) as unknown as M[K];
}

export const PAGES = {
  FleetView,
  VehicleView,
  ActionView,
  HistoryView,
  AuditView: page(() => import('../features/audit/AuditView.js'), 'AuditView'),
  CallbackPage: page(() => import('../features/callbacks/CallbackPage.js'), 'CallbackPage'),
  CallbacksView: page(() => import('../features/callbacks/CallbacksView.js'), 'CallbacksView'),
  DeliveriesView: page(() => import('../features/deliveries/DeliveriesView.js'), 'DeliveriesView'),
  DeliveriesTabs: page(() => import('../features/quarantine/DeliveriesTabs.js'), 'DeliveriesTabs'),
  QuarantineEntryView: page(
    () => import('../features/quarantine/QuarantineEntryView.js'),
    'QuarantineEntryView',
  ),
  QuarantineView: page(() => import('../features/quarantine/QuarantineView.js'), 'QuarantineView'),
  SettingsView: page(() => import('../features/settings/SettingsView.js'), 'SettingsView'),
  OperatorsView: page(() => import('../features/operators/OperatorsView.js'), 'OperatorsView'),
  PolicyView: page(() => import('../features/policy/PolicyView.js'), 'PolicyView'),
  TokensView: page(() => import('../features/tokens/TokensView.js'), 'TokensView'),
  BulkComposeView: page(() => import('../features/bulks/BulkComposeView.js'), 'BulkComposeView'),
  BulksView: page(() => import('../features/bulks/BulksView.js'), 'BulksView'),
  BulkView: page(() => import('../features/bulks/BulkView.js'), 'BulkView'),
  GroupsView: page(() => import('../features/groups/GroupsView.js'), 'GroupsView'),
  SchedulesView: page(() => import('../features/schedules/SchedulesView.js'), 'SchedulesView'),
  NewScheduleView: page(() => import('../features/schedules/ScheduleView.js'), 'NewScheduleView'),
  ScheduleView: page(() => import('../features/schedules/ScheduleView.js'), 'ScheduleView'),
};

/** Loads every lazy page's chunk (once): opening one later is then as quick as opening the fleet. */
export function preloadPages(): void {
  for (const load of loaders.values()) void load().catch(() => undefined);
}

/** The component a lazy page of the table loads (the test holding this table to pages.ts); null if not lazy. */
export function loadPage(name: string): Promise<unknown> | null {
  return loaders.get(name)?.() ?? null;
}
