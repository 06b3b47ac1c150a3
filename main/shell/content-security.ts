// What the desktop window may load and do. The renderer build has no inline script and talks to main only through
// the preload bridge, so the policy allows scripts from our own app:// origin and nothing from the network.
import type { Session } from 'electron';

/** Styles allow 'unsafe-inline' because the component library sets style attributes; scripts never do. */
export const DESKTOP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
].join('; ');

/** Headers on every file the app:// protocol serves. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': DESKTOP_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=()',
};

/** Schemes the window never reaches: the app is served from app:// and talks to its agent over IPC. */
export const BLOCKED_REQUEST_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*'];

/**
 * Session-wide defences: the CSP header on every response, every permission (notifications, media, geolocation,
 * …) refused, network and file requests cancelled, downloads refused. The native notifications come from main,
 * so the page's own Notification stays denied and never doubles them.
 */
export function applySessionSecurity(
  session: Session,
  onBlocked?: (what: string, url: string) => void,
): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    // The developer tools (development builds only) bring their own policy.
    if (details.url.startsWith('devtools:')) return callback({});
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [DESKTOP_CSP] },
    });
  });
  session.webRequest.onBeforeRequest({ urls: BLOCKED_REQUEST_URLS }, (details, callback) => {
    onBlocked?.('request', details.url);
    callback({ cancel: true });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    onBlocked?.('permission request', permission);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event, item) => {
    onBlocked?.('download', item.getURL());
    event.preventDefault();
  });
}
