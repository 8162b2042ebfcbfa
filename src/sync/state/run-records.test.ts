import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, listLocks } from '../../core/lock.js';
import { RunRecords, type LastRun } from './run-records.js';

describe('RunRecords and listLocks: what status reads', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentos-sync-records-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (runId: string): LastRun => ({ at: '2026-12-01T10:00:00.000Z', runId, durationMs: 5, exitCode: 0 });

  it('keeps the last run per command, and nothing before the first', () => {
    const records = new RunRecords(dir);
    expect(records.lastRuns()).toEqual({});
    records.recordRun('orders', run('a'));
    records.recordRun('products', run('b'));
    records.recordRun('orders', run('c'));
    expect(new RunRecords(dir).lastRuns()).toEqual({ orders: run('c'), products: run('b') });
  });

  it('keeps the last connection test and reads the detected auth per API URL', () => {
    const records = new RunRecords(dir);
    expect(records.lastConnection()).toBeNull();
    records.saveConnection({ at: '2026-12-01T10:00:00.000Z', results: [] });
    expect(records.lastConnection()).toEqual({ at: '2026-12-01T10:00:00.000Z', results: [] });
    fs.writeFileSync(path.join(dir, 'sentos-auth.json'), JSON.stringify({ 'https://a.example': 'basic' }));
    expect(records.detectedAuth('https://a.example')).toBe('basic');
    expect(records.detectedAuth('https://b.example')).toBeUndefined();
    expect(records.detectedAuth(undefined)).toBeUndefined();
  });

  it('lists locks: a live holder is running, a torn file is stale, no folder is none', () => {
    const locks = path.join(dir, 'locks');
    expect(listLocks(locks)).toEqual([]);
    const held = acquireLock(locks, 'orders');
    fs.writeFileSync(path.join(locks, 'products.lock'), '{"pid":');
    try {
      expect(listLocks(locks).sort((a, b) => a.command.localeCompare(b.command))).toEqual([
        { command: 'orders', pid: process.pid, startedAt: expect.any(String) as string, running: true },
        { command: 'products', running: false },
      ]);
    } finally {
      held.release();
    }
  });
});
