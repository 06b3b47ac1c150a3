// Where a timed window's CPU went, machine-wide, so that each figure can say what limited it (issue 13, item 6:
// "the report says what limits each one (disk fsync, CPU, the sink) with the evidence"). Read from Linux's
// /proc/stat (every core's busy, idle and I/O-wait time) and /proc/<pid>/stat (a helper process's own CPU time,
// such as the sink's), next to this process's CPU time and its event loop's utilisation. Elsewhere (no /proc)
// the machine-wide part reads null and only this process is reported.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/** Clock ticks a second of /proc's times (USER_HZ: 100 on every Linux this runs on). */
const TICKS_PER_SECOND = 100;

interface Ticks {
  busy: number;
  idle: number;
  iowait: number;
}

function machineTicks(): Ticks | null {
  try {
    // "cpu  user nice system idle iowait irq softirq steal ...": the first line sums every core.
    const fields = readFileSync('/proc/stat', 'utf8')
      .split('\n', 1)[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    return { busy: user + nice + system + irq + softirq + steal, idle, iowait };
  } catch {
    return null;
  }
}

/** utime + stime of a /proc stat file: a process's (/proc/<pid>/stat) or a thread's (/proc/self/task/<tid>/stat). */
function ticksOf(file: string): number | null {
  try {
    // The command name (2nd field) may hold spaces: count from the closing parenthesis.
    const stat = readFileSync(file, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** CPU ticks of each thread of this process, by thread id (empty without /proc). */
function threadTicks(): Map<string, number> {
  const ticks = new Map<string, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const t = ticksOf(`/proc/self/task/${tid}/stat`);
      if (t !== null) ticks.set(tid, t);
    }
  } catch {
    // No /proc: no per-thread figures.
  }
  return ticks;
}

export interface CpuShare {
  cores: number;
  /** Share of every core's time spent running anything, 0–1 (null without /proc). */
  machineBusy: number | null;
  /** Share of every core's time idle while a disk read or write was outstanding, 0–1 (null without /proc). */
  machineIoWait: number | null;
  /** This process's CPU time (every thread), in cores: 1 = one core all the time. */
  processCores: number;
  /** Its event loop's busy share, 0–1 (performance.eventLoopUtilization). */
  loopBusy: number;
  /**
   * The CPU of its busiest threads other than the main one (worker threads such as the store writer, libuv's pool,
   * V8's helpers), in cores, largest first: a thread near 1 is a limit of its own.
   */
  otherThreads: number[];
  /** Each helper process named at the start, in cores (null when its /proc entry could not be read). */
  helpers: Record<string, number | null>;
}

/** Starts measuring; `stop()` returns the window's shares. `helpers` are other processes to account for. */
export function measureCpu(helpers: Record<string, number | undefined> = {}): { stop(): CpuShare } {
  const started = performance.now();
  const machine = machineTicks();
  const own = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  const threads = threadTicks();
  const helperStart = Object.fromEntries(
    Object.entries(helpers).map(([name, pid]) => [
      name,
      pid === undefined ? null : ticksOf(`/proc/${pid}/stat`),
    ]),
  );
  return {
    stop() {
      const seconds = (performance.now() - started) / 1000;
      const loop: EventLoopUtilization = performance.eventLoopUtilization(elu);
      const used = process.cpuUsage(own);
      const end = machineTicks();
      const cores = cpus().length;
      const otherThreads = [...threadTicks()]
        .filter(([tid]) => tid !== String(process.pid))
        .map(([tid, t]) => (t - (threads.get(tid) ?? 0)) / TICKS_PER_SECOND / seconds)
        .filter((c) => c >= 0.05)
        .sort((a, b) => b - a)
        .slice(0, 3);
      let machineBusy: number | null = null;
      let machineIoWait: number | null = null;
      if (machine && end) {
        const busy = end.busy - machine.busy;
        const total = busy + (end.idle - machine.idle) + (end.iowait - machine.iowait);
        machineBusy = total > 0 ? busy / total : null;
        machineIoWait = total > 0 ? (end.iowait - machine.iowait) / total : null;
      }
      const share: Record<string, number | null> = {};
      for (const [name, pid] of Object.entries(helpers)) {
        const before = helperStart[name];
        const after = pid === undefined ? null : ticksOf(`/proc/${pid}/stat`);
        share[name] =
          before === null || before === undefined || after === null
            ? null
            : (after - before) / TICKS_PER_SECOND / seconds;
      }
      return {
        cores,
        machineBusy,
        machineIoWait,
        processCores: (used.user + used.system) / 1e6 / seconds,
        loopBusy: loop.utilization,
        otherThreads,
        helpers: share,
      };
    },
  };
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
const inCores = (x: number) => `${x.toFixed(2)} core${Math.abs(x - 1) < 0.005 ? '' : 's'}`;

/**
 * "machine 96 % busy of 2 cores (I/O wait 1 %); this process 1.41 cores, its event loop busy 84 %; the sink
 * 0.52 core".
 */
export function describeCpu(share: CpuShare): string {
  const machine =
    share.machineBusy === null
      ? `machine load not readable (no /proc), ${share.cores} cores`
      : `machine ${pct(share.machineBusy)} busy of ${share.cores} cores (I/O wait ${pct(share.machineIoWait ?? 0)})`;
  const helpers = Object.entries(share.helpers).map(
    ([name, cores]) => `; ${name} ${cores === null ? 'not readable' : inCores(cores)}`,
  );
  return (
    `${machine}; this process ${inCores(share.processCores)}, its event loop busy ${pct(share.loopBusy)}` +
    (share.otherThreads.length > 0
      ? `, its busiest other threads ${share.otherThreads.map((c) => c.toFixed(2)).join(' / ')} cores`
      : '') +
    helpers.join('')
  );
}

/** Busy shares from which a resource is taken as the limit: a loop or a machine this busy has no room left. */
export const SATURATED = { loop: 0.8, machine: 0.9 } as const;

/**
 * What limited a window that ran as fast as it could, from its evidence: the event loop (one core's worth of
 * JavaScript and syscalls), the machine's CPU (every core busy), or waiting (neither busy: the disk's syncs, or a
 * peer's answers). `waitingFor` names what the run waits on when it is not busy.
 */
export function limitOf(share: CpuShare, waitingFor: string): string {
  // A loop blocked in a system call (a synchronous fdatasync) counts as busy but burns no CPU: busy with less
  // than 70 % of that in CPU time (every thread's) is waiting, on the loop.
  if (share.loopBusy >= SATURATED.loop && share.processCores < share.loopBusy * 0.7) {
    return `${waitingFor}, on the event loop (busy ${pct(share.loopBusy)} with ${inCores(share.processCores)} of CPU: blocked in system calls)`;
  }
  if (share.loopBusy >= SATURATED.loop) {
    const machine =
      share.machineBusy !== null && share.machineBusy >= SATURATED.machine
        ? `, and the machine's CPU too (${pct(share.machineBusy)} of ${share.cores} cores busy)`
        : '';
    // Its CPU time (every thread's) below its busy time: at least the difference was spent blocked.
    const blocked = share.loopBusy - share.processCores;
    const waits =
      blocked >= 0.1 ? `; at least ${pct(blocked)} of the time blocked in system calls: ${waitingFor}` : '';
    return `the event loop's CPU (busy ${pct(share.loopBusy)})${machine}${waits}`;
  }
  if (share.machineBusy !== null && share.machineBusy >= SATURATED.machine) {
    return `the machine's CPU (${pct(share.machineBusy)} of ${share.cores} cores busy; event loop ${pct(share.loopBusy)})`;
  }
  return `${waitingFor} (event loop busy only ${pct(share.loopBusy)}${
    share.machineBusy === null ? '' : `, machine ${pct(share.machineBusy)}`
  })`;
}
