// The page the address names, inside the shell. The pages come from a table (pages.ts): the production build loads
// most of them as separate chunks (pages.lazy.ts), so the Suspense shows nothing for the moment one loads, and every
// chunk is loaded once the first page has been shown and the browser is idle.
import { Suspense, useEffect } from 'react';
import { useStore } from 'zustand';
import { NEW_CALLBACK_TITLE } from '../features/callbacks/callback-text.js';
import { AdminOnlyPage } from '../features/access/AdminOnlyPage.js';
import { OPERATORS_TEXT } from '../features/operators/operators-text.js';
import { POLICY_TEXT } from '../features/policy/policy-text.js';
import { TOKENS_TEXT } from '../features/tokens/tokens-text.js';
import { PAGES, preloadPages } from './pages.js';
import { useStores } from './stores-context.js';

/** After the first page is shown: the other pages' chunks load while nothing else is going on. */
const PRELOAD_AFTER_MS = 1_000;

const {
  AuditView,
  CallbackPage,
  CallbacksView,
  DeliveriesView,
  FleetView,
  VehicleView,
  HistoryView,
  DeliveriesTabs,
  QuarantineEntryView,
  QuarantineView,
  SettingsView,
  ActionView,
  OperatorsView,
  PolicyView,
  TokensView,
  BulkComposeView,
  BulksView,
  BulkView,
  GroupsView,
  SchedulesView,
  NewScheduleView,
  ScheduleView,
} = PAGES;

export function Routes() {
  const stores = useStores();
  const name = useStore(stores.router, (s) => s.route.name);
  useEffect(() => {
    const idle = (run: () => void) =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 5_000 }) : run();
    const timer = setTimeout(() => idle(preloadPages), PRELOAD_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  // One boundary per kind of page: a page still loading replaces the previous one at once, as a page shown with
  // the app does. Within one boundary React would keep the previous page in the document, hidden, until the new
  // one has loaded, and the focus would go to that page's hidden heading (use-page-open.ts) instead of the new one's.
  return (
    <Suspense key={name} fallback={null}>
      <Page />
    </Suspense>
  );
}

function Page() {
  const stores = useStores();
  const route = useStore(stores.router, (s) => s.route);
  switch (route.name) {
    case 'fleet':
      return <FleetView />;
    case 'vehicle':
      return <VehicleView vehicleId={route.vehicleId} feature={route.feature} />;
    case 'action':
      return <ActionView key={route.remoteActionId} remoteActionId={route.remoteActionId} />;
    case 'history':
      return <HistoryView />;
    case 'callbacks':
      return <CallbacksView />;
    case 'callback-new':
      // Callbacks are an admin's to create: others reaching the form by its address are told so.
      return (
        <AdminOnlyPage title={NEW_CALLBACK_TITLE}>
          <CallbackPage />
        </AdminOnlyPage>
      );
    case 'callback':
      return <CallbackPage key={route.callbackId} callbackId={route.callbackId} />;
    case 'deliveries':
      return (
        <>
          <DeliveriesTabs current="outbox" />
          <DeliveriesView />
        </>
      );
    case 'quarantine':
      return <QuarantineView />;
    case 'quarantine-entry':
      return <QuarantineEntryView key={route.entryId} entryId={route.entryId} />;
    case 'settings':
      return <SettingsView />;
    case 'audit':
      return <AuditView />;
    case 'operators':
      return (
        <AdminOnlyPage title={OPERATORS_TEXT.title}>
          <OperatorsView />
        </AdminOnlyPage>
      );
    case 'tokens':
      return (
        <AdminOnlyPage title={TOKENS_TEXT.title}>
          <TokensView />
        </AdminOnlyPage>
      );
    case 'policy':
      return (
        <AdminOnlyPage title={POLICY_TEXT.title}>
          <PolicyView />
        </AdminOnlyPage>
      );
    case 'groups':
      return <GroupsView />;
    case 'bulk-new':
      return <BulkComposeView key={route.groupId ?? ''} groupId={route.groupId} />;
    case 'bulks':
      return <BulksView />;
    case 'bulk':
      return <BulkView key={route.bulkId} bulkId={route.bulkId} />;
    case 'schedules':
      return <SchedulesView />;
    case 'schedule-new':
      return <NewScheduleView />;
    case 'schedule':
      return <ScheduleView key={route.scheduleId} scheduleId={route.scheduleId} />;
  }
}
