// The pages the router shows, by name. Imported with the app, as the tests and the dev server use them; the
// production build resolves Routes.tsx's import of this table to pages.lazy.ts instead (electron.vite.config.ts),
// where the pages a technician does not open first are separate chunks, loaded when asked or once the page is idle.
// The two tables have the same names: a test holds them to the same components.
import { AuditView } from '../features/audit/AuditView.js';
import { CallbackPage } from '../features/callbacks/CallbackPage.js';
import { CallbacksView } from '../features/callbacks/CallbacksView.js';
import { DeliveriesView } from '../features/deliveries/DeliveriesView.js';
import { FleetView } from '../features/fleet/FleetView.js';
import { VehicleView } from '../features/fleet/VehicleView.js';
import { HistoryView } from '../features/history/HistoryView.js';
import { DeliveriesTabs } from '../features/quarantine/DeliveriesTabs.js';
import { QuarantineEntryView } from '../features/quarantine/QuarantineEntryView.js';
import { QuarantineView } from '../features/quarantine/QuarantineView.js';
import { SettingsView } from '../features/settings/SettingsView.js';
import { ActionView } from '../features/timeline/ActionView.js';
import { OperatorsView } from '../features/operators/OperatorsView.js';
import { PolicyView } from '../features/policy/PolicyView.js';
import { TokensView } from '../features/tokens/TokensView.js';
import { BulkComposeView } from '../features/bulks/BulkComposeView.js';
import { BulksView } from '../features/bulks/BulksView.js';
import { BulkView } from '../features/bulks/BulkView.js';
import { GroupsView } from '../features/groups/GroupsView.js';
import { SchedulesView } from '../features/schedules/SchedulesView.js';
import { NewScheduleView, ScheduleView } from '../features/schedules/ScheduleView.js';

export const PAGES = {
  FleetView,
  VehicleView,
  ActionView,
  HistoryView,
  AuditView,
  CallbackPage,
  CallbacksView,
  DeliveriesView,
  DeliveriesTabs,
  QuarantineEntryView,
  QuarantineView,
  SettingsView,
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
};

/** Loads the pages not loaded yet: none here. */
export function preloadPages(): void {}
