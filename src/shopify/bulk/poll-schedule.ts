/**
 * When to poll a bulk export (docs/shopify-api.md#bulk-export). Pure, table-tested. Shopify publishes no export
 * speed, so the expected duration is our estimate from the objects exported (the sandbox's field model uses the
 * same figures, docs/shopify-api.md#latency-model). Two early polls catch a small export that is done at once;
 * the next goes when the export should be done; later ones follow at a growing interval, so an export slower than
 * the estimate costs a few polls more, not one every few seconds.
 */
export interface ExportEstimate {
  baseMs: number;
  objectsPerSecond: number;
}

/** Our estimate, not a published figure: a queueing base plus objects written per second. */
export const DEFAULT_EXPORT_ESTIMATE: ExportEstimate = { baseMs: 3_000, objectsPerSecond: 5_000 };

export interface PollTiming {
  /** The first poll goes this long after the start; the second at four times it. */
  initialDelayMs: number;
  /** The longest wait between two polls. */
  maxDelayMs: number;
}

/** 0 when nothing is known (no count, or no estimate): the schedule is then a plain doubling from the first wait. */
export function expectedExportMs(objects: number | undefined, estimate: ExportEstimate | null): number {
  if (objects === undefined || estimate === null || estimate.objectsPerSecond <= 0) return 0;
  return estimate.baseMs + (objects / estimate.objectsPerSecond) * 1000;
}

const DUE_SLACK = 1.1;

/** Time after the export started at which poll number `attempt` (0-based) goes. */
export function pollAtMs(attempt: number, expectedMs: number, timing: PollTiming): number {
  const early = [timing.initialDelayMs, 4 * timing.initialDelayMs];
  // A tenth after the expected end: an export slightly slower than the estimate is still done at that poll.
  const due = Math.round(expectedMs * DUE_SLACK);
  const anchors = due > timing.initialDelayMs ? [...early.filter((t) => t < due), due] : [timing.initialDelayMs];
  if (attempt < anchors.length) return anchors[attempt] as number;
  const last = anchors[anchors.length - 1] as number;
  let at = last;
  let delay = Math.max(timing.initialDelayMs, last / 4);
  for (let n = anchors.length; n <= attempt; n++) {
    at += Math.min(timing.maxDelayMs, delay);
    delay *= 2;
  }
  return at;
}
