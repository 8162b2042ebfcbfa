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
