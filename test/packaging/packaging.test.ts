// The packaging configuration, checked offline: the linux `dir` target packed with a stand-in Electron (the real
// binary cannot be downloaded here) and the fuses step off for this run only; then the asar's contents — the
// build and the manifest, production modules, no sources or tests, the native module unpacked — and the
// installers' settings and fuses as electron-builder.yml declares them.
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRAY_STATES } from '../../main/shell/tray.js';

const require_ = createRequire(import.meta.url);
const builderRequire = createRequire(require_.resolve('app-builder-lib/package.json'));
const asar = builderRequire('@electron/asar') as {
  listPackage(archive: string, options?: object): string[];
  extractFile(archive: string, file: string): Buffer;
  statFile(archive: string, file: string): { unpacked?: boolean };
};
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };

const STUB_DIR = '.ci/electron-stub';
/** The whole pack must stay well inside a CI step: it needs no network and takes a few seconds. */
const PACK_LIMIT_MS = 60_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>;

let out: string;
let resources: string;
let archive: string;
let entries: string[];
let packOutput = '';
let packMs = 0;

function pack(output: string): Promise<number> {
  return new Promise((resolve, reject) => {
    // electron-builder says nothing under VITEST: its log is what shows it never downloads or rebuilds.
    const { VITEST: _v, VITEST_WORKER_ID: _w, VITEST_POOL_ID: _p, ...env } = process.env;
    const child = spawn(process.execPath, ['test/packaging/pack-linux-dir.mjs', output, STUB_DIR], {
      env: {
        ...env,
        // Anything that tries the network fails at once instead of waiting on it.
        HTTPS_PROXY: 'http://127.0.0.1:9',
        HTTP_PROXY: 'http://127.0.0.1:9',
        ELECTRON_GET_USE_PROXY: '1',
        ELECTRON_BUILDER_CACHE: join(output, 'cache'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => (packOutput += d));
    child.stderr.on('data', (d) => (packOutput += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

beforeAll(async () => {
  for (const file of [
    'out/main/index.js',
    'out/main/agent.js',
    'out/preload/index.cjs',
    'out/renderer/index.html',
  ]) {
    if (!existsSync(file))
      throw new Error(`${file} is missing: run "npx electron-vite build" first (npm test does).`);
  }
  mkdirSync(STUB_DIR, { recursive: true });
  writeFileSync(join(STUB_DIR, 'electron'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(STUB_DIR, 'electron'), 0o755);
  out = mkdtempSync(join(tmpdir(), 'depot-remote-pack-'));
  const started = Date.now();
  const code = await pack(out);
  packMs = Date.now() - started;
  console.log(
    `[packaging] electron-builder --linux dir with a stand-in Electron: ${(packMs / 1000).toFixed(1)} s`,
  );
  if (code !== 0) throw new Error(`electron-builder failed (exit ${code}):\n${packOutput.slice(-4000)}`);
  resources = join(out, 'linux-unpacked', 'resources');
  archive = join(resources, 'app.asar');
  entries = asar.listPackage(archive).map((e) => e.replaceAll('\\', '/'));
}, PACK_LIMIT_MS + 30_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('packing (linux dir, stand-in Electron, fuses off for this run)', () => {
  it(`finishes offline within ${PACK_LIMIT_MS / 1000} s`, () => {
    expect(packMs).toBeLessThan(PACK_LIMIT_MS);
    expect(packOutput).toContain('using custom unpacked Electron distribution');
    expect(packOutput).not.toMatch(/downloading/i);
    expect(packOutput).not.toMatch(/rebuilding native dependencies|executing @electron\/fuses/);
  });

  it('writes the app, its asar and the unpacked native modules', () => {
    expect(existsSync(join(out, 'linux-unpacked', config.linux.executableName))).toBe(true);
    expect(existsSync(archive)).toBe(true);
    expect(existsSync(join(resources, 'app.asar.unpacked'))).toBe(true);
  });
});

describe('the asar', () => {
  it('holds the build and the manifest', () => {
    for (const file of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/agent.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
    ]) {
      expect(entries).toContain(file);
    }
    expect(entries.some((e) => /^\/out\/renderer\/assets\/.+\.js$/.test(e))).toBe(true);
    const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8'));
    expect(manifest).toMatchObject({
      main: 'out/main/index.js',
      type: 'module',
      productName: 'Depot Remote',
    });
  });

  it('holds no sources, tests, scripts, docs or source maps', () => {
    const topLevel = new Set(entries.map((e) => e.split('/')[1]));
    expect([...topLevel].sort()).toEqual(['node_modules', 'out', 'package.json']);
    const ours = entries.filter((e) => !e.startsWith('/node_modules/'));
    expect(ours.filter((e) => /\.(ts|tsx|map)$/.test(e))).toEqual([]);
    expect(
      entries.filter((e) =>
        /^\/(main|preload|renderer|test|scripts|docs|bench|resources|\.ci)(\/|$)/.test(e),
      ),
    ).toEqual([]);
    expect(entries).not.toContain('/electron-builder.yml');
    expect(entries).not.toContain('/tsconfig.json');
  });

  it('carries every module the main process imports, and not the renderer’s bundled libraries', () => {
    const mainFiles = entries.filter((e) => /^\/out\/main\/.+\.js$/.test(e));
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const imported = new Set<string>();
    for (const file of mainFiles) {
      const text = asar.extractFile(archive, file.slice(1)).toString('utf8');
      // A package name after `from` or `import` as keywords: not a call such as Buffer.from('…'), nor the word in a
      // string (an SQL parameter "@from", a field named "from").
      const specifier =
        /(?<![.\w$@"'])(?:from|import)\s*\(?\s*["']((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/[\w.-]+)*)["']/g;
      for (const m of text.matchAll(specifier)) {
        const spec = m[1]!;
        if (builtins.has(spec) || spec === 'electron') continue;
        imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
    expect(imported.size).toBeGreaterThan(5);
    for (const name of imported) expect(entries, name).toContain(`/node_modules/${name}/package.json`);
    for (const name of ['@tabler/icons-react', '@mantine/core', 'react-dom']) {
      expect(entries).not.toContain(`/node_modules/${name}/package.json`);
    }
  });

  it('has better-sqlite3’s N-API binary unpacked beside it, not inside', () => {
    const native = entries.filter((e) => e.endsWith('.node'));
    expect(native).toContain('/node_modules/better-sqlite3/prebuilds/linux-x64.node');
    for (const file of native) {
      expect(asar.statFile(archive, file.slice(1)).unpacked, file).toBe(true);
      expect(existsSync(join(resources, 'app.asar.unpacked', file))).toBe(true);
    }
  });

  it('has a preload that requires nothing but electron (a sandboxed preload can load nothing else)', () => {
    const preload = asar.extractFile(archive, 'out/preload/index.cjs').toString('utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });

  it('ships the tray state icons and the window icon beside the asar', () => {
    for (const state of TRAY_STATES) {
      expect(existsSync(join(resources, 'tray', `${state}.png`))).toBe(true);
      expect(existsSync(join(resources, 'tray', `${state}@2x.png`))).toBe(true);
    }
    expect(existsSync(join(resources, 'icons', '256x256.png'))).toBe(true);
    expect(readdirSync(join(resources, 'icons')).length).toBeGreaterThanOrEqual(6);
  });
});

describe('electron-builder.yml', () => {
  it('sets every Electron fuse explicitly', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage and deb, NSIS, dmg and zip, with the app’s id, name and icons', () => {
    expect(config).toMatchObject({ appId: 'com.depotremote.app', productName: 'Depot Remote' });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    // The zip: what electron-updater installs from on macOS.
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    for (const icon of [config.icon, config.win.icon, config.mac.icon]) expect(existsSync(icon)).toBe(true);
    expect(existsSync(join(config.linux.icon, '512x512.png'))).toBe(true);
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
  });

  it('unpacks native modules, never rebuilds them, and packs only the build and the manifest', () => {
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(false);
    expect(config.files.filter((f: string) => !f.startsWith('!'))).toEqual(['out/**', 'package.json']);
  });
});
