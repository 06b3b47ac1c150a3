// `npm start`: the desktop app where an Electron runtime exists; otherwise (as on machines without the
// Electron binary) the headless agent, saying so. The desktop shell is not built yet, so for now it
// always starts the headless agent.
import { spawn, spawnSync } from 'node:child_process';

console.log('Depot Remote: the desktop shell is not part of this version yet — starting the headless agent.');
const build = spawnSync('node_modules/.bin/electron-vite', ['build', '--logLevel', 'warn'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
const agent = spawn(process.execPath, ['out/main/agent.js', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => agent.kill(signal));
agent.on('exit', (code) => process.exit(code ?? 0));
