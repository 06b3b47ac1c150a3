// `npm run bench`: every benchmark in bench/, one after the other (never part of npm test).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

for (const file of readdirSync('bench')
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  console.log(`\n=== bench/${file}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
