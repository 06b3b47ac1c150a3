// The backups folder: how archives are named, which files in it are ours, and which scheduled ones go when more
// than `keep` are there. Only names matching these patterns are ever listed, offered for restore or deleted: any
// other file a person keeps in the folder is left alone.
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupEntryDto, BackupKind } from '../../../preload/contract/backups.js';
import { isEncryptedArchive } from './envelope-crypto.js';

/** A sortable, file-system-safe UTC stamp: 2026-01-05T08-00-00-000Z. */
export const fileStamp = (at: Date) => at.toISOString().replace(/[:.]/g, '-');
const STAMP = '(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z)';

const PATTERNS: { kind: BackupKind; regex: RegExp }[] = [
  { kind: 'scheduled', regex: new RegExp(`^depot-remote-${STAMP}\\.backup$`) },
  { kind: 'manual', regex: new RegExp(`^depot-remote-manual-${STAMP}\\.backup$`) },
  { kind: 'before-migration', regex: new RegExp(`^depot-remote-before-schema-\\d{1,6}-${STAMP}\\.backup$`) },
];

export function backupFileName(kind: BackupKind, at: Date, schemaVersion?: number): string {
  const stamp = fileStamp(at);
  if (kind === 'scheduled') return `depot-remote-${stamp}.backup`;
  if (kind === 'manual') return `depot-remote-manual-${stamp}.backup`;
  return `depot-remote-before-schema-${schemaVersion ?? 0}-${stamp}.backup`;
}

/** The kind and time a name says, or null when it is not one of ours (a path, `..`, any other file). */
export function parseBackupName(name: string): { kind: BackupKind; createdAt: string } | null {
  for (const { kind, regex } of PATTERNS) {
    const match = regex.exec(name);
    if (!match) continue;
    const [date, time] = match[1]!.split('T') as [string, string];
    const [h, m, s, ms] = time.replace('Z', '').split('-');
    const createdAt = `${date}T${h}:${m}:${s}.${ms}Z`;
    if (Number.isNaN(Date.parse(createdAt))) return null;
    return { kind, createdAt };
  }
  return null;
}

/** Our archives in `folder`, newest first; an absent or unreadable folder lists none. */
export function listBackups(folder: string): BackupEntryDto[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const entries: BackupEntryDto[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const file = join(folder, name);
    try {
      // A plain file only: a link named like a backup could point anywhere (never offered, never deleted).
      const stat = lstatSync(file);
      if (!stat.isFile()) continue;
      entries.push({ name, ...parsed, bytes: stat.size, encrypted: isEncryptedArchive(file) });
    } catch {
      // Removed meanwhile (a prune, a person): not listed.
    }
  }
  return entries.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** The path of the archive `name` if it is one of ours listed in `folder`; null otherwise (refused as not found). */
export function backupInFolder(folder: string, name: string): string | null {
  if (!parseBackupName(name)) return null;
  return listBackups(folder).some((entry) => entry.name === name) ? join(folder, name) : null;
}

/** Deletes the oldest scheduled archives beyond `keep`; returns the names deleted. */
export function pruneScheduled(folder: string, keep: number): string[] {
  const scheduled = listBackups(folder).filter((entry) => entry.kind === 'scheduled');
  const removed: string[] = [];
  for (const entry of scheduled.slice(keep)) {
    rmSync(join(folder, entry.name), { force: true });
    removed.push(entry.name);
  }
  return removed;
}
