import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/core/lock.js';
import { runCli } from '../helpers/cli-harness.js';

/**
 * `sync` takes two locks (orders, then products). When the second is held by a live run, `sync` stops with
 * exit 6 (locked) and must leave no lock of its own behind: a stale lock would show in `status` and confuse cron.
 */
describe('a sync that cannot take its second lock', () => {
  let home: string;
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'sentos-sync-locks-'));
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  it('stops on the products lock and leaves only the lock the other run holds', async () => {
    const lockDir = path.join(home, 'locks');
    const products = acquireLock(lockDir, 'products'); // a live "products" run (this process)
    try {
      const run = await runCli(['sync', '--json'], { SENTOS_SYNC_HOME: home });
      expect(run.stderr).toContain('Another "products" run is in progress');
      expect(run.code).toBe(6);
      expect(fs.readdirSync(lockDir).sort()).toEqual(['products.lock']);
    } finally {
      products.release();
    }
    expect(fs.readdirSync(lockDir)).toEqual([]);
  });
});

/**
 * A lock whose pid is alive but belongs to another program (the pid was reused after a crash or reboot) is not
 * "another run in progress": the message names the lock file and how to clear it.
 */
describe('a lock held by a live process that is not sentos-sync', () => {
  it('names the lock file and says to delete it', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sentos-sync-locks-'));
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const file = path.join(home, 'locks', 'orders.lock');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ pid: other.pid, command: 'orders', startedAt: '2026-11-30T03:00:00Z' }));
      const run = await runCli(['orders', '--json'], { SENTOS_SYNC_HOME: home });
      expect(run.code).toBe(6);
      const error = run.json<{ error: { message: string; hint: string } }>().error;
      expect(error.message).toContain(file);
      expect(error.message).toMatch(new RegExp(`pid ${other.pid}, which is running but is not sentos-sync`));
      expect(error.hint).toContain(`rm "${file}"`);
    } finally {
      other.kill();
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
