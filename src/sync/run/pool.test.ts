import { describe, expect, it } from 'vitest';
import { runPool } from './pool.js';

/** A work function whose items finish when the test says so, recording the order things happen in. */
function scripted() {
  const log: string[] = [];
  const pending = new Map<number, () => void>();
  let inFlight = 0;
  let peak = 0;
  const work = (n: number) =>
    new Promise<void>((resolve) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      log.push(`start ${n}`);
      pending.set(n, () => {
        inFlight -= 1;
        log.push(`end ${n}`);
        resolve();
      });
    });
  const finish = async (n: number) => {
    pending.get(n)?.();
    await new Promise((r) => setImmediate(r));
  };
  return { log, work, finish, peak: () => peak };
}

describe('runPool', () => {
  it('keeps at most `width` items in flight and starts them in order', async () => {
    const s = scripted();
    const done = runPool([1, 2, 3, 4, 5], 2, new AbortController().signal, s.work);
    await new Promise((r) => setImmediate(r));
    expect(s.log).toEqual(['start 1', 'start 2']);
    await s.finish(2);
    await s.finish(1);
    await s.finish(3);
    await s.finish(4);
    await s.finish(5);
    expect(await done).toEqual({ notStarted: 0 });
    expect(s.peak()).toBe(2);
    expect(s.log.filter((l) => l.startsWith('start'))).toEqual(['start 1', 'start 2', 'start 3', 'start 4', 'start 5']);
  });

  it('on abort finishes what is in flight and starts nothing new', async () => {
    const s = scripted();
    const controller = new AbortController();
    const done = runPool([1, 2, 3, 4], 2, controller.signal, s.work);
    await new Promise((r) => setImmediate(r));
    controller.abort();
    await s.finish(1);
    await s.finish(2);
    expect(await done).toEqual({ notStarted: 2 });
    expect(s.log).toEqual(['start 1', 'start 2', 'end 1', 'end 2']);
  });

  it('a throw stops new starts, lets the others finish, then is rethrown', async () => {
    const ended: number[] = [];
    const work = async (n: number) => {
      await new Promise((r) => setTimeout(r, n === 1 ? 0 : 5));
      if (n === 1) throw new Error('auth');
      ended.push(n);
    };
    await expect(runPool([1, 2, 3, 4], 2, new AbortController().signal, work)).rejects.toThrow('auth');
    expect(ended).toEqual([2]);
  });

  it('width 1 is sequential', async () => {
    const s = scripted();
    const done = runPool([1, 2], 1, new AbortController().signal, s.work);
    await new Promise((r) => setImmediate(r));
    await s.finish(1);
    await s.finish(2);
    await done;
    expect(s.log).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });
});
