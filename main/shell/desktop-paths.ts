// Where the desktop finds its pieces. From the build (out/main/index.js): out/preload/index.cjs and out/renderer.
// Icons: the packaged app's resources folder (electron-builder's extraResources), or resources/ in the project.
import { join, resolve } from 'node:path';
import type { TrayState } from './tray.js';

export interface DesktopPaths {
  preload: string;
  rendererDir: string;
  trayIcon(state: TrayState): string;
  appIcon: string;
}

export function desktopPaths(mainDir: string, packaged: boolean, resourcesPath: string): DesktopPaths {
  const outDir = resolve(mainDir, '..');
  const resources = packaged ? resourcesPath : resolve(outDir, '..', 'resources');
  return {
    preload: join(outDir, 'preload', 'index.cjs'),
    rendererDir: join(outDir, 'renderer'),
    trayIcon: (state) => join(resources, 'tray', `${state}.png`),
    appIcon: join(resources, 'icons', '256x256.png'),
  };
}
