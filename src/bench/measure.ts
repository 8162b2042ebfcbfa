import { spawn } from 'node:child_process';
import fs from 'node:fs';

/**
 * Runs the built CLI as a child process, as cron would, and measures wall time, peak RSS (VmHWM from /proc, sampled
 * until exit: the kernel keeps the high-water mark, so the last sample is the peak) and CPU time (utime + stime from
 * /proc, the last sample: up to 50 ms short). `nodeArgs` go to node before the bin (e.g. `--cpu-prof`).
 */
export interface Measured {
  code: number;
  wallMs: number;
  peakRssMb: number | undefined;
  /** User + system CPU seconds of the CLI process (Linux only). */
  cpuS: number | undefined;
  stdout: string;
  stderr: string;
}

export function measureCli(
  bin: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    let peakKb: number | undefined;
    let cpuTicks: number | undefined;
    const sample = () => {
      peakKb = Math.max(peakKb ?? 0, readHighWaterKb(child.pid) ?? 0) || peakKb;
      cpuTicks = readCpuTicks(child.pid) ?? cpuTicks;
    };
    const timer = setInterval(sample, 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({
        code: code ?? 1,
        wallMs: performance.now() - started,
        peakRssMb: peakKb === undefined ? undefined : Math.round(peakKb / 102.4) / 10,
        cpuS: cpuTicks === undefined ? undefined : cpuTicks / CLOCK_TICKS_PER_SECOND,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

function readHighWaterKb(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined; // exited between samples, or not Linux
  }
}

/** USER_HZ: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime (fields 14 and 15 of /proc/<pid>/stat, counted after the parenthesised command name). */
function readCpuTicks(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}
