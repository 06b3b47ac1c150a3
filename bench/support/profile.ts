// Profiles one timed window of a benchmark when BENCH_PROFILE names a folder: a V8 CPU profile of the main
// thread (node:inspector), written as <folder>/<label>.cpuprofile, for Chrome DevTools or bench/support/
// profile-summary.mjs. Without BENCH_PROFILE it only runs the window.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

export async function profiled<T>(label: string, run: () => Promise<T>): Promise<T> {
  const folder = process.env.BENCH_PROFILE;
  if (!folder) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `${label.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.error(`profile: ${file}`);
    session.disconnect();
  }
}
