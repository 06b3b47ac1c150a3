// Security scan of the Electron code with electronegativity (pinned 1.10.3). Its exit code is always 0, so this
// reads its SARIF report and fails on any finding that is not reviewed, with a justification, in
// .ci/electronegativity-reviewed.json. Scanned together (its global checks need the whole picture): main/shell,
// main/index.ts and preload, staged into one folder with their paths kept.
//
//   node scripts/security-scan.mjs        (npm test runs it)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ELECTRON_VERSION = '45.4.1';
const SCANNED = ['main/shell', 'main/index.ts', 'preload'];
const OUT = '.ci-out';
const STAGE = join(OUT, 'electronegativity-input');
const REPORT = join(OUT, 'electronegativity.sarif');
const REVIEWED = '.ci/electronegativity-reviewed.json';

rmSync(STAGE, { recursive: true, force: true });
rmSync(REPORT, { force: true });
mkdirSync(STAGE, { recursive: true });
for (const path of SCANNED) cpSync(path, join(STAGE, path), { recursive: true });

const started = Date.now();
const run = spawnSync(
  'node_modules/.bin/electronegativity',
  ['-i', STAGE, '-e', ELECTRON_VERSION, '-r', '-o', REPORT, '-v', 'false'],
  { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (run.error || !existsSync(REPORT)) {
  console.error(run.stdout, run.stderr);
  console.error(`electronegativity wrote no report (${REPORT}): the scan did not run.`);
  process.exit(1);
}

const sarif = JSON.parse(readFileSync(REPORT, 'utf8'));
const rules = new Map((sarif.runs?.[0]?.tool?.driver?.rules ?? []).map((r) => [r.id, r]));
const findings = (sarif.runs?.[0]?.results ?? []).map((r) => {
  const location = r.locations?.[0]?.physicalLocation;
  const file = (location?.artifactLocation?.uri ?? '').replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  return {
    rule: r.ruleId,
    file,
    line: location?.region?.startLine ?? null,
    description: rules.get(r.ruleId)?.fullDescription?.text ?? r.message?.text ?? '',
  };
});

const reviewed = JSON.parse(readFileSync(REVIEWED, 'utf8')).reviewed;
const problems = [];
for (const entry of reviewed) {
  if (
    !entry.rule ||
    !('file' in entry) ||
    typeof entry.justification !== 'string' ||
    entry.justification.length < 40
  )
    problems.push(
      `a reviewed entry needs rule, file and a justification of a sentence or more: ${JSON.stringify(entry)}`,
    );
}
const matches = (entry, f) => entry.rule === f.rule && (entry.file ?? '') === f.file;
const unreviewed = findings.filter((f) => !reviewed.some((entry) => matches(entry, f)));
const stale = reviewed.filter((entry) => !findings.some((f) => matches(entry, f)));

console.log(
  `electronegativity ${ELECTRON_VERSION} scan of ${SCANNED.join(', ')} (${seconds} s): ${findings.length} finding(s)`,
);
for (const f of findings) {
  const ok = !unreviewed.includes(f);
  console.log(
    `  ${ok ? 'reviewed  ' : 'UNREVIEWED'} ${f.rule} ${f.file || '(global)'}${f.line ? `:${f.line}` : ''}`,
  );
}
for (const entry of stale)
  console.log(`  note: reviewed but no longer reported: ${entry.rule} ${entry.file || '(global)'}`);
for (const p of problems) console.log(`  ${p}`);
if (unreviewed.length > 0) {
  console.log(
    `\n${unreviewed.length} finding(s) not reviewed. Fix them, or add each to ${REVIEWED} with why it is safe:`,
  );
  for (const f of unreviewed) console.log(`  - ${f.rule} in ${f.file || '(global)'}: ${f.description}`);
}
process.exit(unreviewed.length > 0 || problems.length > 0 ? 1 : 0);
