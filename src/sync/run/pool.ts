/**
 * Bounded overlap for per-item writes: at most `width` items in flight, started in order. Each item's own
 * failure is data (the work function returns it); a throw (an auth error: nothing else can succeed) stops
 * starting new items and is rethrown once those in flight are done. An aborted signal (Ctrl-C) also stops
 * starting new items, and every item already in flight finishes, so nothing is left half-sent.
 */
export interface PoolOutcome {
  /** Items not started because the signal aborted. */
  notStarted: number;
}

export async function runPool<T>(
  items: readonly T[],
  width: number,
  signal: AbortSignal,
  work: (item: T) => Promise<void>,
): Promise<PoolOutcome> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (next < items.length && !signal.aborted && !failure) {
      const item = items[next] as T;
      next += 1;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const lanes = Array.from({ length: Math.max(1, Math.min(width, items.length)) }, lane);
  await Promise.all(lanes);
  if (failure) throw failure.error;
  return { notStarted: items.length - next };
}
