// electron-builder's channel file (latest.yml, latest-linux.yml, latest-mac.yml): the newest version, its files
// with their sha512 and size, its date and notes. Parsed with electron-updater's own reader (the same YAML rules the
// desktop's updater applies), then checked field by field: anything else is "not a feed".
import { parseUpdateInfo } from 'electron-updater/out/providers/Provider.js';
import { valid } from 'semver';
import { z } from 'zod';
import { UpdateError } from './update-error.js';

/** The channel file electron-updater's generic provider reads for this platform and architecture. */
export function channelFileName(
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
): string {
  if (platform === 'darwin') return 'latest-mac.yml';
  if (platform === 'linux') return arch === 'x64' ? 'latest-linux.yml' : `latest-linux-${arch}.yml`;
  return 'latest.yml';
}

const fileSchema = z.object({
  url: z.string().min(1),
  sha512: z.string().min(1),
  size: z.number().int().nonnegative().optional(),
});

const channelSchema = z.object({
  version: z.string().refine((v) => valid(v) !== null),
  files: z.array(fileSchema).min(1),
  releaseDate: z.string().optional(),
  releaseName: z.string().nullish(),
  releaseNotes: z
    .union([z.string(), z.array(z.object({ version: z.string(), note: z.string().nullable() }))])
    .nullish(),
});

export interface UpdateOffer {
  version: string;
  releaseDate: string | null;
  /** Plain text: shown as text, never as HTML. */
  notes: string | null;
  files: { url: string; sha512: string; size: number | null }[];
}

/** Release notes as one text (electron-builder may write them per version when a full changelog is asked for). */
function notesText(notes: z.infer<typeof channelSchema>['releaseNotes']): string | null {
  if (notes === null || notes === undefined) return null;
  if (typeof notes === 'string') return notes;
  return notes.map((n) => `${n.version}\n${n.note ?? ''}`.trim()).join('\n\n');
}

/** The offer a channel file makes; UPDATE_FEED_NOT_A_FEED when it is not one. */
export function parseChannelFile(text: string, fileName: string, url: URL): UpdateOffer {
  let raw: unknown;
  try {
    raw = parseUpdateInfo(text, fileName, url);
  } catch {
    throw new UpdateError('UPDATE_FEED_NOT_A_FEED', { file: fileName });
  }
  const parsed = channelSchema.safeParse(raw);
  if (!parsed.success) throw new UpdateError('UPDATE_FEED_NOT_A_FEED', { file: fileName });
  const info = parsed.data;
  return {
    version: info.version,
    releaseDate: info.releaseDate ?? null,
    notes: notesText(info.releaseNotes),
    files: info.files.map((f) => ({ url: f.url, sha512: f.sha512, size: f.size ?? null })),
  };
}
