// One line on where and when a benchmark ran, printed at its start and end, so recorded figures carry their
// date and the machine's load (a figure taken on a busy two-core machine is not comparable to a quiet one).
import { cpus, loadavg } from 'node:os';

export function machineLine(label: string): string {
  const [one, five] = loadavg();
  return (
    `${label}: ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} CPUs, ` +
    `load average ${one!.toFixed(2)} (1 min) ${five!.toFixed(2)} (5 min)`
  );
}
