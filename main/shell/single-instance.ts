// One running app per user: the database, its outbox leases and the listening ports belong to a single process.
// A second launch hands over to the first (which comes forward) and quits.
import { app } from 'electron';

/** Returns false when another instance holds the lock: the caller quits. */
export function claimSingleInstance(onSecondLaunch: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => onSecondLaunch());
  return true;
}
