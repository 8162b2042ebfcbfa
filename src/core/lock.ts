import fs from 'node:fs';
import path from 'node:path';
import { LockedError } from './errors.js';
import { ensureDir, localFileError } from './local-files.js';

/**
 * One run per profile and command at a time (cron safety). The lock is a file created with O_EXCL holding the owner's
 * pid; a lock whose process is gone is stale and taken over.
 */
export interface Lock {
  release(): void;
}

interface LockInfo {
  pid: number;
  command: string;
  startedAt: string;
  /** Who holds it when it is not a run of `command` itself: `serve` holds every lock of its profile. */
  holder?: string;
}

export function acquireLock(dir: string, name: string, now: Date = new Date(), holder?: string): Lock {
  ensureDir(dir);
  const file = path.join(dir, `${name}.lock`);
  const info: LockInfo = {
    pid: process.pid,
    command: name,
    startedAt: now.toISOString(),
    ...(holder ? { holder } : {}),
  };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx', mode: 0o600 });
      return { release: () => releaseIfOurs(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw localFileError(error, file);
      const holder = readHolder(file);
      if (holder && isAlive(holder.pid)) {
        if (holder.holder)
          throw new LockedError(
            `"${holder.holder}" holds the "${name}" lock of this profile (pid ${holder.pid}, since ` +
              `${holder.startedAt}).`,
            { hint: `It already syncs on its schedule: drop this cron entry while it runs, or stop it first.` },
          );
        if (isUnrelated(holder.pid))
          throw new LockedError(
            `The "${name}" lock ${file} names pid ${holder.pid}, which is running but is not sentos-sync ` +
              `(the pid was reused after a crash or a reboot).`,
            { hint: `If no sentos-sync run is going on, delete the lock: rm "${file}"` },
          );
        throw new LockedError(
          `Another "${name}" run is in progress (pid ${holder.pid}, started ${holder.startedAt}; lock ${file}).`,
          {
            hint:
              'Runs of the same command and profile never overlap. Wait for it to finish; if cron overlaps often, ' +
              `run less often. If that process is not sentos-sync, delete the lock: rm "${file}"`,
          },
        );
      }
      // Stale: its process died (crash, kill -9, reboot). Remove and try once more.
      fs.rmSync(file, { force: true });
    }
  }
  throw new LockedError(`Could not take the "${name}" lock at ${file}.`, {
    hint: 'Another run took it at the same moment; try again.',
  });
}

function readHolder(file: string): LockInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return undefined; // unreadable or half-written: treat as stale
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A live pid that is provably another program: its command line (Linux /proc) does not mention sentos-sync.
 * Where that cannot be read (other systems, permissions) the pid counts as a run: the safe side.
 */
function isUnrelated(pid: number): boolean {
  if (pid === process.pid) return false;
  let cmdline: string;
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return false;
  }
  return cmdline !== '' && !/sentos-sync/.test(cmdline);
}

function releaseIfOurs(file: string): void {
  const holder = readHolder(file);
  if (holder?.pid === process.pid) fs.rmSync(file, { force: true });
}

/** One lock file as `status` shows it: a live holder is a run in progress, a dead one a stale lock. */
export interface LockStatus {
  command: string;
  pid?: number;
  startedAt?: string;
  /** Who holds it when it is not a run of `command` itself (e.g. `serve`). */
  holder?: string;
  running: boolean;
}

/** The locks in `dir`; none when the folder does not exist yet. */
export function listLocks(dir: string): LockStatus[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((name) => name.endsWith('.lock'));
  } catch {
    return [];
  }
  return names.map((name) => {
    // Half-written or unreadable: shown as not running, the next run takes it over.
    const info: Partial<LockInfo> = readHolder(path.join(dir, name)) ?? {};
    return {
      command: name.slice(0, -'.lock'.length),
      ...(info.pid !== undefined ? { pid: info.pid } : {}),
      ...(info.startedAt !== undefined ? { startedAt: info.startedAt } : {}),
      ...(info.holder !== undefined ? { holder: info.holder } : {}),
      running: typeof info.pid === 'number' && isAlive(info.pid),
    };
  });
}
