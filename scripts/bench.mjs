// `npm run bench [-- <name> …]`: every benchmark in bench/, or those named (`receiver`, `outbox-drain`, …), one
// after the other (never part of npm test).
//
// Each is first bundled by esbuild as the app's build compiles the core, then run by Node. The app's build does not
// keep function names; tsx, which runs the tests, does: it wraps every function the code creates in a naming
// helper (esbuild's keepNames), which took 2–3 points of the receiver's figures on 4 December (docs/benchmarks.md).
// The bundle is written next to its source, so the paths it takes from import.meta.url still hold, and deleted
// after its run. `node --import tsx bench/<name>.ts` runs the same benchmark from source (profiles map to it).
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const all = readdirSync('bench')
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -'.ts'.length))
  .sort();
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  console.error(`No benchmark named ${unknown.join(', ')} in bench/. There are: ${all.join(', ')}.`);
  process.exit(2);
}

for (const name of asked.length > 0 ? asked : all) {
  console.log(`\n=== bench/${name}.ts`);
  const outfile = `bench/.${name}.bundle.mjs`;
  let status;
  try {
    await build({
      entryPoints: [`bench/${name}.ts`],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: `node${process.versions.node}`,
      // Dependencies stay in node_modules, loaded as the app loads them; only the project's own code is bundled.
      packages: 'external',
      sourcemap: 'inline',
      keepNames: false,
      logLevel: 'warning',
    });
    status = spawnSync(process.execPath, ['--enable-source-maps', outfile], { stdio: 'inherit' }).status ?? 1;
  } finally {
    rmSync(outfile, { force: true });
  }
  // Exits only once the bundle is gone (process.exit inside the try would skip the finally).
  if (status !== 0) process.exit(status);
}
