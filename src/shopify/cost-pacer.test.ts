import { describe, expect, it } from 'vitest';
import type { AttemptOutcome, HttpRequest } from '../core/http/client.js';
import { CostPacer } from './cost-pacer.js';

/** A clock whose sleeps end only when the test moves time on. */
function manualClock() {
  let now = 0;
  const timers: Array<{ due: number; resolve: () => void }> = [];
  return {
    now: () => now,
    sleep: (ms: number) => new Promise<void>((resolve) => timers.push({ due: now + ms, resolve })),
    advance(ms: number) {
      now += ms;
      for (const timer of timers.filter((t) => t.due <= now)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.resolve();
      }
    },
  };
}

const request = (operation: string, predictedCost: number): HttpRequest => ({
  method: 'POST',
  path: '/graphql.json',
  kind: 'write',
  operation,
  predictedCost,
});

/** An answer carrying Shopify's cost extension. */
const answer = (requested: number, actual: number, currentlyAvailable: number): AttemptOutcome => ({
  kind: 'response',
  response: {
    status: 200,
    headers: new Headers(),
    body: {
      data: {},
      extensions: {
        cost: {
          requestedQueryCost: requested,
          actualQueryCost: actual,
          throttleStatus: { maximumAvailable: 100, currentlyAvailable, restoreRate: 10 },
        },
      },
    },
    requestId: undefined,
    durationMs: 1,
  },
});

const ticks = async () => {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
};

/** A request whose answer the test gives; `started` tells whether the pacer let it out. */
function held(pacer: CostPacer, operation: string, cost: number) {
  let give: (outcome: AttemptOutcome) => void = () => undefined;
  const state = { started: false };
  const done = pacer.schedule(request(operation, cost), () => {
    state.started = true;
    return new Promise<AttemptOutcome>((resolve) => (give = resolve));
  });
  return { state, done, answer: (outcome: AttemptOutcome) => give(outcome) };
}

describe('CostPacer: a waiting request goes as soon as the bucket holds it', () => {
  async function learned() {
    const clock = manualClock();
    const pacer = new CostPacer({ clock });
    await pacer.schedule(request('First', 1), () => Promise.resolve(answer(1, 1, 100)));
    return { clock, pacer };
  }

  it('when an answer frees the points its reservation held, not after a wait fixed at planning', async () => {
    const { clock, pacer } = await learned();
    const a = held(pacer, 'A', 60);
    await ticks();
    expect(a.state.started).toBe(true);
    // 100 in the bucket, 60 reserved by A: B (60) must wait; as planned then, 2 s of restore.
    const b = held(pacer, 'B', 60);
    await ticks();
    expect(b.state.started).toBe(false);
    // A answers: Shopify charged 60, refunded 50 (actual 10), so 90 are left and nothing is in flight.
    a.answer(answer(60, 10, 90));
    await ticks();
    expect(b.state.started).toBe(true);
    expect(clock.now()).toBe(0);
    b.answer(answer(60, 10, 40));
    await Promise.all([a.done, b.done]);
  });

  it('when the restore covers it, in the order the requests came', async () => {
    const { clock, pacer } = await learned();
    const a = held(pacer, 'A', 90);
    await ticks();
    a.answer(answer(90, 90, 10)); // 10 left, 10 a second
    await a.done;
    const b = held(pacer, 'B', 30); // needs 20 more: 2 s
    const c = held(pacer, 'C', 10); // behind B, though it alone would fit now
    await ticks();
    expect([b.state.started, c.state.started]).toEqual([false, false]);
    clock.advance(1_999);
    await ticks();
    expect(b.state.started).toBe(false);
    clock.advance(1);
    await ticks();
    expect(b.state.started).toBe(true);
    // B holds 30 of the 30 there are: C waits for 1 s more of restore.
    expect(c.state.started).toBe(false);
    clock.advance(1_000);
    await ticks();
    expect(c.state.started).toBe(true);
    b.answer(answer(30, 30, 0));
    c.answer(answer(10, 10, 0));
    await Promise.all([b.done, c.done]);
  });
});
