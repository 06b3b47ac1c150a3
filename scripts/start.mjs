// `npm start`: the desktop app where an Electron runtime exists; otherwise (as on machines where the Electron
// binary cannot be downloaded) the headless agent with the web UI, saying so plainly and printing the address.
// Arguments pass through: `npm start -- --api-port 5790 --data-dir ./.data`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);

/** The Electron binary, as test/e2e-electron/electron-runtime.ts finds it; or why there is none. */
function electronRuntime() {
  const executableName = {
    linux: 'electron',
    darwin: 'Electron.app/Contents/MacOS/Electron',
    win32: 'electron.exe',
  }[process.platform];
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const executable = join(override, executableName ?? 'electron');
    return existsSync(executable)
      ? { executable }
      : { missing: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${executable} does not exist` };
  }
  const pathTxt = resolve('node_modules/electron/path.txt');
  if (!existsSync(pathTxt)) {
    return { missing: 'the Electron binary is not installed: node_modules/electron/path.txt is missing' };
  }
  const executable = resolve('node_modules/electron/dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(executable) ? { executable } : { missing: `${executable} does not exist` };
}

const build = spawnSync('node_modules/.bin/electron-vite', ['build', '--logLevel', 'warn'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const runtime = electronRuntime();
let child;
if (runtime.executable) {
  console.log('Depot Remote: starting the desktop app.');
  const { ELECTRON_RUN_AS_NODE: _ignored, ...env } = process.env;
  // Chromium refuses to run as root without --no-sandbox (the renderer stays isolated and sandboxed by the app).
  const rootFlags = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  child = spawn(runtime.executable, [...rootFlags, '.', ...args], { stdio: 'inherit', env });
} else {
  console.log(
    [
      '',
      'Depot Remote: no Electron runtime is available on this machine, so the desktop app cannot start',
      `(${runtime.missing}).`,
      'Starting the headless agent with the web UI instead: open the address printed below in a browser',
      'and log in with the API token it names.',
      '',
    ].join('\n'),
  );
  child = spawn(process.execPath, ['out/main/agent.js', ...args], { stdio: ['inherit', 'pipe', 'inherit'] });
  let buffered = '';
  let announced = false;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (announced) return;
    buffered += chunk;
    const url = /listening on (https?:\/\/\S+)/.exec(buffered)?.[1];
    if (url) {
      announced = true;
      console.log(`\nDepot Remote web UI: ${url}/\n`);
    }
  });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
