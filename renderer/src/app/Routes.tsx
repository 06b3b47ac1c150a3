import { useStore } from 'zustand';
import { AuditView } from '../features/audit/AuditView.js';
import { CallbackPage } from '../features/callbacks/CallbackPage.js';
import { CallbacksView } from '../features/callbacks/CallbacksView.js';
import { NEW_CALLBACK_TITLE } from '../features/callbacks/callback-text.js';
import { DeliveriesView } from '../features/deliveries/DeliveriesView.js';
import { FleetView } from '../features/fleet/FleetView.js';
import { VehicleView } from '../features/fleet/VehicleView.js';
import { HistoryView } from '../features/history/HistoryView.js';
import { DeliveriesTabs } from '../features/quarantine/DeliveriesTabs.js';
import { QuarantineEntryView } from '../features/quarantine/QuarantineEntryView.js';
import { QuarantineView } from '../features/quarantine/QuarantineView.js';
import { SettingsView } from '../features/settings/SettingsView.js';
import { ActionView } from '../features/timeline/ActionView.js';
import { AdminOnlyPage } from '../features/access/AdminOnlyPage.js';
import { OperatorsView } from '../features/operators/OperatorsView.js';
import { OPERATORS_TEXT } from '../features/operators/operators-text.js';
import { PolicyView } from '../features/policy/PolicyView.js';
import { POLICY_TEXT } from '../features/policy/policy-text.js';
import { TokensView } from '../features/tokens/TokensView.js';
import { TOKENS_TEXT } from '../features/tokens/tokens-text.js';
import { BulkComposeView } from '../features/bulks/BulkComposeView.js';
import { BulksView } from '../features/bulks/BulksView.js';
import { BulkView } from '../features/bulks/BulkView.js';
import { GroupsView } from '../features/groups/GroupsView.js';
import { SchedulesView } from '../features/schedules/SchedulesView.js';
import { NewScheduleView, ScheduleView } from '../features/schedules/ScheduleView.js';
import { useStores } from './stores-context.js';

export function Routes() {
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
