import type { Clock } from '../core/clock.js';

/** One taken slot: a request in flight (`running`) or one answered and still inside the server's window. */
interface Slot {
  /** When the slot frees, in clock time (provisional while running: a full window from its start). */
  at: number;
  running: boolean;
}

/**
 * A sliding-window limit: at most `capacity` starts in any `windowMs`. Requests take slots in arrival order,
 * one hand-out at a time; each request keeps its slot until `windowMs` after its answer
 * arrived (the server counted it at some moment before that), so the next queued request starts as soon as the
 * oldest request has surely left the server's window. A fixed-window reservoir would let 2×capacity through
 * around a refresh, which a server counting "per minute" may not forgive.
 *
 * Every wait is a sleep on the injected clock, and only a request that waits sleeps: a held slot is a time
 * stamp, not a timer, so a finished run exits at once and a test clock drives the whole window.
 */
export class WindowSlots {
  /** The hand-out queue: each request takes its slot after the one submitted before it (arrival order). */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly slots = new Set<Slot>();
  private waiting = 0;
  private pausedUntil = 0;
  /** Wakes the request waiting for a slot when one in flight answers (its hold may be shorter). */
  private wake: (() => void) | undefined;

  constructor(
    readonly capacity: number,
    readonly windowMs: number,
    private readonly clock: Clock,
  ) {}

  /** True when nothing holds or waits for a slot (the owner may drop this window). */
  get idle(): boolean {
    return this.waiting === 0 && this.taken(this.clock.now()).length === 0;
  }

  /** After a 429 without Retry-After: nothing starts before the window has passed. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  /**
   * How long a request submitted now would wait, and whether the pause is what holds it. Requests queued
   * ahead of it first take the free slots (each then held a full window), then the held slots as they free.
   */
  estimateWait(): { waitMs: number; paused: boolean } {
    const now = this.clock.now();
    const pauseMs = Math.max(0, this.pausedUntil - now);
    const held = this.taken(now).map((s) => s.at);
    const free = Math.max(0, this.capacity - held.length);
    let slotMs = 0;
    if (this.waiting >= free) {
      const releases = [...held, ...Array<number>(free).fill(now + this.windowMs)].sort((a, b) => a - b);
      const ahead = this.waiting - free;
      const at = (releases[ahead % releases.length] as number) + Math.floor(ahead / releases.length) * this.windowMs;
      slotMs = Math.max(0, at - now);
    }
    return { waitMs: Math.max(pauseMs, slotMs), paused: pauseMs > slotMs };
  }

  /**
   * Runs `task` in a slot. `holdMs(result)` says how long after the answer the slot stays taken (normally
   * the window; 0 for a request the server did not count).
   */
  async run<T>(task: () => Promise<T>, holdMs: (result: T) => number): Promise<T> {
    this.waiting += 1;
    const turn = this.queue.then(() => this.acquire());
    this.queue = turn.catch(() => undefined);
    const slot = await turn;
    let hold = this.windowMs;
    try {
      const result = await task();
      hold = holdMs(result);
      return result;
    } finally {
      // Counted from the answer, not the start: Sentos stamps the request somewhere in between, and a
      // window counted from our start ends before the server's, so the 13th POST can land inside it (429).
      slot.running = false;
      slot.at = this.clock.now() + hold;
      this.wake?.();
    }
  }

  /** Waits (on the clock) for the pause to pass and a slot to free, then takes it. */
  private async acquire(): Promise<Slot> {
    let pauseWaited = 0;
    try {
      for (;;) {
        const now = this.clock.now();
        // Each pause is slept once: a fake clock whose now() stands still must not spin here.
        if (this.pausedUntil > now && this.pausedUntil !== pauseWaited) {
          pauseWaited = this.pausedUntil;
          await this.clock.sleep(this.pausedUntil - now);
          continue;
        }
        const taken = this.taken(now);
        if (taken.length < this.capacity) {
          const slot = { at: now + this.windowMs, running: true };
          this.slots.add(slot);
          return slot;
        }
        await this.nextRelease(taken, now);
      }
    } finally {
      this.waiting -= 1;
    }
  }

  /** Sleeps until the earliest held slot frees, or until a request in flight answers, whichever comes first. */
  private async nextRelease(taken: Slot[], now: number): Promise<void> {
    const held = taken.filter((s) => !s.running).sort((a, b) => a.at - b.at)[0];
    const answered = new AbortController();
    this.wake = () => answered.abort();
    try {
      if (!held)
        return await new Promise<void>((resolve) => answered.signal.addEventListener('abort', () => resolve()));
      await this.clock.sleep(held.at - now, answered.signal);
      this.slots.delete(held); // slept its hold out: free, even if a test clock's now() stood still
    } catch (error) {
      if (!answered.signal.aborted) throw error;
    } finally {
      this.wake = undefined;
    }
  }

  /** The slots still taken at `now`; the ones whose hold has passed are dropped. */
  private taken(now: number): Slot[] {
    for (const slot of this.slots) if (!slot.running && slot.at <= now) this.slots.delete(slot);
    return [...this.slots];
  }
}
