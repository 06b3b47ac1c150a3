// The desktop window's session for bridge tests: before any operator exists it acts with the machine token's
// rights (as the desktop app does at first start).
import type { Core } from '../../main/core/create-core.js';
import { createDesktopSession, type DesktopSession } from '../../main/shell/ipc/desktop-session.js';

export function desktopSessionOf(core: Pick<Core, 'identity' | 'services'>): DesktopSession {
  return createDesktopSession({
    identity: core.identity,
    operatorsExist: () => core.services.operators.any(),
  });
}
