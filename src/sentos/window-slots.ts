import Bottleneck from 'bottleneck';
import type { Clock } from '../core/clock.js';

/**
 * A sliding-window limit: at most `capacity` starts in any `windowMs`. Bottleneck queues the jobs
 * (`maxConcurrent: capacity`); each job keeps its slot until `windowMs` after its answer arrived (the
 * server counted it at some moment before that), so the next queued request starts as soon as the oldest
 * request has surely left the server's window. A fixed-window reservoir would
 * let 2×capacity through around a refresh, which a server counting "per minute" may not forgive.
 */
export class WindowSlots {
  private readonly limiter: Bottleneck;
  /** When each held slot frees, in clock time; running requests count as holding a full window. */
  private readonly releases = new Set<{ at: number }>();
  private waiting = 0;
  private pausedUntil = 0;
  /** While someone waits for a slot, keep the process alive (the hold timers are unref'd). */
  private keepAlive: ReturnType<typeof setInterval> | undefined;

  constructor(
    readonly capacity: number,
    readonly windowMs: number,
    private readonly clock: Clock,
    /** Called when the last slot frees and nobody waits: the owner may drop this window. */
    private readonly onIdle?: () => void,
  ) {
    this.limiter = new Bottleneck({ maxConcurrent: capacity });
  }

  /** True when nothing holds or waits for a slot (the owner may drop this window). */
  get idle(): boolean {
    return this.releases.size === 0 && this.waiting === 0;
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
    const held = [...this.releases].map((r) => r.at);
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
  run<T>(task: () => Promise<T>, holdMs: (result: T) => number): Promise<T> {
    this.enterQueue();
    return new Promise<T>((resolve, reject) => {
      this.limiter
        .schedule(async () => {
          this.leaveQueue();
          await this.waitForPause();
          const release = { at: this.clock.now() + this.windowMs };
          this.releases.add(release);
          let hold = this.windowMs;
          try {
            const result = await task();
            hold = holdMs(result);
            resolve(result);
          } catch (error) {
            reject(error);
          }
          // Counted from the answer, not the start: Sentos stamps the request somewhere in between, and a
          // window counted from our start ends before the server's, so the 13th POST can land inside it (429).
          release.at = this.clock.now() + hold;
          await holdSlot(release.at - this.clock.now());
          this.releases.delete(release);
          if (this.idle) this.onIdle?.();
        })
        .catch(reject);
    });
  }

  private async waitForPause(): Promise<void> {
    // One sleep, not a loop: a fake clock whose now() stands still must not spin here.
    const ms = this.pausedUntil - this.clock.now();
    if (ms > 0) await this.clock.sleep(ms);
  }

  private enterQueue(): void {
    this.waiting += 1;
    this.keepAlive ??= setInterval(() => undefined, 1 << 30);
  }

  private leaveQueue(): void {
    this.waiting -= 1;
    if (this.waiting === 0 && this.keepAlive !== undefined) {
      clearInterval(this.keepAlive);
      this.keepAlive = undefined;
    }
  }
}

/** Unref'd: a slot held after the last request must not keep a finished CLI run alive for a minute. */
function holdSlot(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
