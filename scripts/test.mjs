// `npm test`: every check the project has, in order, then one closing line "N passed, N failed"
// summed over all of them (CI reads that line). Static checks count as one test each. The packaging check
// (test/packaging: electron-builder with a stand-in Electron) and the Electron end-to-end tests (test/e2e-electron,
// skipped with their reason where no Electron runtime exists) run inside vitest.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    `Node ${process.versions.node} is too old: run this through npm (npm test), which uses the project's Node 22.`,
  );
  process.exit(2);
}

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const outDir = '.ci-out';
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

let passed = 0;
let skipped = 0;
let failed = 0;
const failures = [];

function step(name, cmd, args) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  // On Windows the tools in node_modules/.bin are .cmd files, which only a shell starts (Node refuses them bare).
  const r = spawnSync(cmd, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  const ok = r.status === 0;
  console.log(`${ok ? '✔' : '✖'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function check(name, cmd, args) {
  if (step(name, cmd, args)) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
}

// A path in the platform's own separators: Windows' shell finds node_modules\.bin\<name>.cmd from it.
const bin = (name) => join('node_modules', '.bin', name);
check('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
check('lint', bin('eslint'), ['--max-warnings', '0', '.']);
check('format', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
check('build', bin('electron-vite'), ['build', '--logLevel', 'warn']);
// electronegativity's exit code is always 0: the script reads its SARIF report and fails on unreviewed findings.
check('security scan (electronegativity)', process.execPath, ['scripts/security-scan.mjs']);

const vitestReport = `${outDir}/vitest.json`;
step('unit and integration tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${vitestReport}`,
]);
if (existsSync(vitestReport)) {
  const v = JSON.parse(readFileSync(vitestReport, 'utf8'));
  passed += v.numPassedTests;
  // Skipped tests say why when they skip (no Electron runtime here); they are counted, never hidden.
  skipped += v.numPendingTests + v.numTodoTests;
  failed += v.numFailedTests;
  if (v.numFailedTests > 0) failures.push(`${v.numFailedTests} vitest test(s)`);
  // A suite that fails to load has no tests to count: count it as a failure, never as nothing.
  const brokenFiles = (v.testResults ?? []).filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0,
  );
  failed += brokenFiles.length;
  for (const f of brokenFiles) failures.push(`suite did not load: ${f.name}`);
} else {
  failed += 1;
  failures.push('vitest wrote no report');
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
