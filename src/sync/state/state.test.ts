import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActivityLog } from '../../core/activity-log.js';
import { LockedError } from '../../core/errors.js';
import { acquireLock } from '../../core/lock.js';
import { OrderLedger } from './order-ledger.js';
import { CheckpointStore } from './checkpoint.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentos-sync-state-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('acquireLock', () => {
  it('lets one run hold a command lock and refuses a second with LockedError', () => {
    const lock = acquireLock(dir, 'products');
    expect(() => acquireLock(dir, 'products')).toThrow(LockedError);
    const other = acquireLock(dir, 'orders'); // another command is independent
    other.release();
    lock.release();
    acquireLock(dir, 'products').release();
  });

  it('takes over a stale lock whose process is gone', () => {
    fs.writeFileSync(
      path.join(dir, 'products.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, command: 'products', startedAt: 'x' }),
    );
    const lock = acquireLock(dir, 'products');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'products.lock'), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(path.join(dir, 'products.lock'))).toBe(false);
  });
});

describe('OrderLedger', () => {
  it('survives a reload, keeps the last entry per order, and ignores a torn last line', () => {
    const file = path.join(dir, 'ledger.jsonl');
    const ledger = new OrderLedger(file);
    ledger.recordFailed({ shopifyId: '1', reason: 'unknown SKU', atMs: 1 });
    ledger.recordSent({ shopifyId: '2', sentosId: '88', hash: 'a', status: 2, sentAtMs: 2 });
    ledger.recordSent({ shopifyId: '2', sentosId: '88', hash: 'b', status: 6, sentAtMs: 3 });
    fs.appendFileSync(file, '{"type":"sent","shopifyId":"3","sen');
    const reloaded = new OrderLedger(file);
    expect(reloaded.get('2')).toMatchObject({ hash: 'b', status: 6 });
    expect(reloaded.get('3')).toBeUndefined();
    expect(reloaded.pendingFailures().map((f) => f.shopifyId)).toEqual(['1']);
    reloaded.recordSent({ shopifyId: '1', sentosId: '89', hash: 'c', status: 2, sentAtMs: 4 });
    expect(new OrderLedger(file).pendingFailures()).toEqual([]);
  });

  it('compacts a long log without losing entries', () => {
    const file = path.join(dir, 'ledger.jsonl');
    const ledger = new OrderLedger(file);
    for (let i = 0; i < 1200; i += 1)
      ledger.recordSent({ shopifyId: String(i % 10), sentosId: String(i), hash: 'h', status: 2, sentAtMs: i });
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').length;
    expect(lines).toBeLessThan(1200);
    expect(new OrderLedger(file).all()).toHaveLength(10);
    expect(new OrderLedger(file).get('9')?.sentosId).toBe('1199');
  });
});

describe('CheckpointStore', () => {
  it('saves atomically and loads what was saved', () => {
    const store = new CheckpointStore(path.join(dir, 'state', 'orders-checkpoint.json'));
    expect(store.load()).toBeUndefined();
    store.save({ updatedAt: '2026-11-27T10:00:00Z', orderId: '5', savedAtMs: 1 });
    expect(store.load()).toEqual({ updatedAt: '2026-11-27T10:00:00Z', orderId: '5', savedAtMs: 1 });
    expect(fs.readdirSync(path.join(dir, 'state')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('ActivityLog', () => {
  it('filters by type, run and time, and rotation keeps the newest entries up to the cap', () => {
    const log = new ActivityLog(path.join(dir, 'activity.jsonl'), 5);
    for (let i = 0; i < 8; i += 1) {
      log.append({
        time: new Date(Date.UTC(2026, 10, 27, 10, i)).toISOString(),
        runId: i < 4 ? 'r1' : 'r2',
        command: 'products',
        level: i % 2 ? 'error' : 'success',
        message: `m${i}`,
      });
    }
    expect(log.read({ type: 'error' }).map((e) => e.message)).toEqual(['m1', 'm3', 'm5', 'm7']);
    expect(log.read({ runId: 'r1' })).toHaveLength(4);
    expect(log.read({ sinceMs: Date.UTC(2026, 10, 27, 10, 6) }).map((e) => e.message)).toEqual(['m6', 'm7']);
    expect(log.read({ limit: 2 }).map((e) => e.message)).toEqual(['m6', 'm7']);
    log.rotate();
    expect(log.read().map((e) => e.message)).toEqual(['m3', 'm4', 'm5', 'm6', 'm7']);
  });
});
