// Links that leave the app open in the user's browser, and only when they are plain https: never file:, custom
// schemes (which can start local programs) or URLs carrying credentials.
import { shell } from 'electron';

export function isSafeExternalUrl(raw: string): boolean {
  if (!URL.canParse(raw)) return false;
  const url = new URL(raw);
  return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
}

/** Opens https links in the browser; anything else is refused. Returns whether it was opened. */
export function openExternalSafely(raw: string): boolean {
  if (!isSafeExternalUrl(raw)) return false;
  void shell.openExternal(raw);
  return true;
}
