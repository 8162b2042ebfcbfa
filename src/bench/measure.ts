import { spawn } from 'node:child_process';
import fs from 'node:fs';

/**
 * Runs the built CLI as a child process, as cron would, and measures wall time and peak RSS (VmHWM from
 * /proc, sampled until exit: the kernel keeps the high-water mark, so the last sample is the peak).
 */
export interface Measured {
  code: number;
  wallMs: number;
  peakRssMb: number | undefined;
  stdout: string;
  stderr: string;
}

export function measureCli(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    let peakKb: number | undefined;
    const sample = () => {
      peakKb = Math.max(peakKb ?? 0, readHighWaterKb(child.pid) ?? 0) || peakKb;
    };
    const timer = setInterval(sample, 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({
        code: code ?? 1,
        wallMs: performance.now() - started,
        peakRssMb: peakKb === undefined ? undefined : Math.round(peakKb / 102.4) / 10,
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
