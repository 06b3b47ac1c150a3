// The desktop builds' CI (.github/workflows/desktop.yml) cannot run here: it needs GitHub's Linux, Windows and macOS
// runners and the Electron binary. What is checked on every `npm test` instead: the file is a valid workflow for a
// validator nobody here wrote (@action-validator/core, GitHub's published schema compiled to WebAssembly, offline),
// and it still does what issue 18 asks of it — three OSes, the real Electron download, npm test with the _electron
// tests under a virtual display on Linux, the three installer kinds uploaded, signing secrets only when set.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';

const WORKFLOW = '.github/workflows/desktop.yml';
const LINUX_SESSION = '.github/scripts/linux-desktop-session.sh';
const SIGNING_SECRETS = [
  'CSC_LINK',
  'CSC_KEY_PASSWORD',
  'APPLE_ID',
  'APPLE_APP_SPECIFIC_PASSWORD',
  'APPLE_TEAM_ID',
];

// The YAML reader electron-builder reads electron-builder.yml with (as test/packaging does).
const require_ = createRequire(import.meta.url);
const yaml = createRequire(require_.resolve('app-builder-lib/package.json'))('js-yaml') as {
  load(text: string): unknown;
};

interface Step {
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  strategy: { matrix: { include: { os: string; package: string; installers: string }[] } };
  env: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, { secrets?: Record<string, { required: boolean }> } | null>;
  jobs: Record<string, Job>;
}

const text = readFileSync(WORKFLOW, 'utf8');
const workflow = yaml.load(text) as Workflow;
const job = workflow.jobs.desktop!;
const steps = job.steps;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  devDependencies: Record<string, string>;
  engines: { node: string };
};
const builder = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Record<
  'linux' | 'win' | 'mac',
  { target: string[] }
>;

const stepIndex = (predicate: (s: Step) => boolean, what: string) => {
  const i = steps.findIndex(predicate);
  if (i < 0) throw new Error(`${WORKFLOW} has no step that ${what}`);
  return i;
};
const runs = (command: RegExp) => (s: Step) => command.test(s.run ?? '');
const entry = (os: string) => job.strategy.matrix.include.find((e) => e.os === os)!;

describe('the desktop builds workflow', () => {
  it('is a valid GitHub Actions workflow for action-validator', () => {
    const state = validateWorkflow(text);
    expect(state.actionType).toBe('workflow');
    expect(state.errors).toEqual([]);
  });

  it('is refused by the same validator when a key is wrong or the YAML is broken', () => {
    const broken = {
      'a misspelt top-level key': text.replace(/^permissions:/m, 'permission:'),
      'a misspelt job key': text.replace('timeout-minutes:', 'timeout-minutez:'),
      'a misspelt step key': text.replace('uses: actions/checkout@', 'use: actions/checkout@'),
      'an unknown trigger': text.replace(/^ {2}workflow_dispatch:/m, '  workflow_dispatched:'),
      'unbalanced YAML': `${text}\n  : [`,
    };
    for (const [what, copy] of Object.entries(broken)) {
      expect(copy, what).not.toBe(text);
      expect(validateWorkflow(copy).errors.length, what).toBeGreaterThan(0);
    }
    expect(validateWorkflow(broken['a misspelt top-level key']).errors).toContainEqual(
      expect.objectContaining({ detail: "Additional property 'permission' is not allowed" }),
    );
  });

  it('runs on hosted Linux, Windows and macOS runners, every one to the end', () => {
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(job.strategy.matrix.include.map((e) => e.os).sort()).toEqual([
      'macos-latest',
      'ubuntu-latest',
      'windows-latest',
    ]);
    expect(job.strategy).toMatchObject({ 'fail-fast': false });
  });

  it('pins every action to a commit', () => {
    const used = steps.filter((s) => s.uses).map((s) => s.uses!);
    expect(used.length).toBeGreaterThanOrEqual(3);
    for (const uses of used) expect(uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
  });

  it('sets up the Node of package.json (its devDependency "node", within engines)', () => {
    const setup =
      steps[stepIndex((s) => s.uses?.startsWith('actions/setup-node@') ?? false, 'sets up Node')]!;
    const version = String(setup.with?.['node-version']);
    expect(version).toBe(pkg.devDependencies.node);
    const [major, minor] = version.split('.').map(Number) as [number, number];
    const [minMajor, minMinor] = /(\d+)\.(\d+)/.exec(pkg.engines.node)!.slice(1).map(Number) as [
      number,
      number,
    ];
    expect(major > minMajor || (major === minMajor && minor >= minMinor)).toBe(true);
  });

  it('installs with npm ci and the real Electron binary (its download is never skipped)', () => {
    expect(text).not.toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/);
    expect(text).not.toMatch(/ELECTRON_OVERRIDE_DIST_PATH/);
    const ci = stepIndex(runs(/^npm ci\b/m), 'runs npm ci');
    // electron 45 has no install script: its binary is fetched by its own installer, right after npm ci.
    const electron = stepIndex(
      runs(/node node_modules\/electron\/install\.js/),
      'installs the Electron binary',
    );
    expect(electron).toBeGreaterThanOrEqual(ci);
  });

  it('runs npm test on every OS, the _electron tests under xvfb-run on Linux, failing rather than skipping', () => {
    expect(job.env.DEPOT_REMOTE_E2E_STRICT).toBe('1');
    const linux = steps[stepIndex(runs(/linux-desktop-session\.sh npm test$/m), 'runs npm test on Linux')]!;
    expect(linux.if).toBe("runner.os == 'Linux'");
    const others = steps[stepIndex((s) => s.run?.trim() === 'npm test', 'runs npm test elsewhere')]!;
    expect(others.if).toBe("runner.os != 'Linux'");
    const session = readFileSync(LINUX_SESSION, 'utf8');
    expect(session).toMatch(/exec xvfb-run .*"\$@"/);
    expect(session).toMatch(/gnome-keyring-daemon --unlock/);
    expect(session).toMatch(/dbus-run-session/);
    // Ubuntu's xvfb package provides xvfb-run; it is installed before the tests run.
    const apt = stepIndex(runs(/apt-get install[\s\S]*\bxvfb\b/), 'installs xvfb');
    expect(steps[apt]!.if).toBe("runner.os == 'Linux'");
    expect(apt).toBeLessThan(steps.indexOf(linux));
  });

  it('builds each OS’s installers with electron-builder as electron-builder.yml declares them', () => {
    expect(builder.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(builder.win.target).toEqual(expect.arrayContaining(['nsis']));
    expect(builder.mac.target).toEqual(expect.arrayContaining(['dmg', 'zip']));
    expect(entry('ubuntu-latest').package).toBe('--linux AppImage deb');
    expect(entry('windows-latest').package).toBe('--win nsis');
    expect(entry('macos-latest').package).toBe('--mac dmg zip');
    const build =
      steps[stepIndex(runs(/npx electron-builder \$\{\{ matrix\.package \}\}/), 'runs electron-builder')]!;
    expect(build.run).toMatch(/--publish never/);
    expect(stepIndex(runs(/npm test/), 'tests')).toBeLessThan(steps.indexOf(build));
  });

  it('uploads the AppImage, the deb, the NSIS installer and the dmg as artifacts, failing when one is missing', () => {
    const patterns = (os: string) => entry(os).installers.trim().split('\n');
    expect(patterns('ubuntu-latest')).toEqual(expect.arrayContaining(['dist/*.AppImage', 'dist/*.deb']));
    expect(patterns('windows-latest')).toContain('dist/*.exe');
    expect(patterns('macos-latest')).toEqual(expect.arrayContaining(['dist/*.dmg', 'dist/*.zip']));
    // The update feed of each OS (README, "Updating an offline site"): the channel file beside the installers.
    expect(patterns('ubuntu-latest')).toContain('dist/latest-linux.yml');
    expect(patterns('windows-latest')).toContain('dist/latest.yml');
    expect(patterns('macos-latest')).toContain('dist/latest-mac.yml');
    const upload = steps.find(
      (s) => s.uses?.startsWith('actions/upload-artifact@') && s.with?.path === '${{ matrix.installers }}',
    );
    expect(upload?.with).toMatchObject({ 'if-no-files-found': 'error' });
    expect(steps.indexOf(upload!)).toBeGreaterThan(stepIndex(runs(/electron-builder/), 'packages'));
  });

  it('takes the signing secrets as optional, and hands electron-builder only those that are set', () => {
    const declared = workflow.on.workflow_call?.secrets ?? {};
    expect(Object.keys(declared).sort()).toEqual([...SIGNING_SECRETS].sort());
    for (const secret of Object.values(declared)) expect(secret.required).toBe(false);
    // The secrets appear in one step's env, which exports the non-empty ones for the later steps.
    const users = steps.filter((s) => JSON.stringify(s).includes('secrets.'));
    expect(users).toHaveLength(1);
    expect(Object.keys(users[0]!.env ?? {}).sort()).toEqual([...SIGNING_SECRETS].sort());
    expect(users[0]!.run).toMatch(/\[ -n "\$value" \] \|\| continue/);
    expect(users[0]!.run).toMatch(/GITHUB_ENV/);
    expect(JSON.stringify(job.env)).not.toMatch(/secrets\./);
  });
});
