// What a backup archive holds and how it is laid out, shared by the writer and the reader.
//
// A plain archive is a tar (readable with any tar tool) followed by a 40-byte trailer: PLAIN_MAGIC and the SHA-256
// of every byte before it, so a change anywhere (a member, the manifest, a header, the padding) is refused. An
// encrypted archive is that same plain archive sealed whole with AES-256-GCM (envelope-crypto.ts).
import { z } from 'zod';
import { KEY_FILE_NAME } from '../secrets/key-file-secret-box.js';

export const MANIFEST_NAME = 'manifest.json';
/**
 * databaseFile()'s name (create-core.ts), written out: create-core wires the backup service, so reading it from
 * there while this module loads would meet it half-loaded.
 */
export const DATABASE_MEMBER = 'depot-remote.sqlite';
/** main/core/config/api-token.ts writes the local API's token under this name. */
export const API_TOKEN_MEMBER = 'api-token';
/**
 * The data folder's files a backup carries. The settings saved from the UI live in the database (its settings
 * table), sealed values included; secret.key opens those; the api-token keeps the site's scripts working.
 */
export const MEMBER_NAMES = [DATABASE_MEMBER, KEY_FILE_NAME, API_TOKEN_MEMBER] as const;
export type MemberName = (typeof MEMBER_NAMES)[number];

export const PLAIN_MAGIC = Buffer.from('DRBKSHA1', 'latin1');
export const TRAILER_BYTES = PLAIN_MAGIC.length + 32;

export const FORMAT = 'depot-remote-backup';
export const FORMAT_VERSION = 1;

const memberSchema = z.object({
  name: z.enum(MEMBER_NAMES),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const manifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  /** The release that wrote it (package.json's version). */
  appVersion: z.string().min(1),
  /** The database's user_version: the last migration applied. */
  schemaVersion: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
  members: z.array(memberSchema).min(1),
});

export type BackupManifest = z.infer<typeof manifestSchema>;
export type ManifestMember = z.infer<typeof memberSchema>;

/** Enough of a manifest to tell a newer format from a damaged one. */
export const manifestHeadSchema = z.object({ format: z.literal(FORMAT), formatVersion: z.number().int() });
