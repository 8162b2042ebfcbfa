/**
 * A full garbage collection between the phases of a large run (docs/architecture.md#memory). V8 sizes its old
 * generation from the live set at its last full collection and collects again only when that fills up, so garbage
 * left by one phase (the Sentos catalog once planned, the bulk lines once encoded, the uploaded files) stayed in the
 * heap while the next phase grew it further: the peak was the sum of the phases, not the largest one. One collection
 * at each such boundary costs ~0.1 s at 10,000 products and is skipped below `LARGE_RUN_ITEMS`.
 *
 * `gc` is not exposed without `--expose-gc`; the flag is set at run time and the function read from a fresh
 * context, the way test runners (Jest's leak detector) get it. Where that fails, nothing happens: memory only.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Below this many items a run's garbage is small: no collection is worth its pause. */
export const LARGE_RUN_ITEMS = 2000;

let collect: (() => void) | null | undefined;

/** Collects now when `items` (the run's products or lines) is at least LARGE_RUN_ITEMS; returns whether it did. */
export function collectGarbage(items: number): boolean {
  if (items < LARGE_RUN_ITEMS) return false;
  if (collect === undefined) collect = findGc();
  if (!collect) return false;
  collect();
  return true;
}

function findGc(): (() => void) | null {
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === 'function') return existing as () => void;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}
