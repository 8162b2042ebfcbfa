import { ExitCode } from '../core/errors.js';
import type { ServiceStats } from '../core/request-stats.js';

/** One report shape for products, orders and each phase of sync: the text and --json renderers share it. */
export type ItemAction =
  | 'create'
  | 'update'
  | 'unchanged'
  | 'skip'
  | 'conflict'
  | 'invalid'
  | 'failed'
  /** An order Sentos holds that changed in Shopify where the API cannot follow: reported, not a failure. */
  | 'needs-attention';

export interface ReportItem {
  key: string;
  title?: string;
  action: ItemAction;
  /**
   * planned: dry run (or not reached); done: applied; failed: the write was rejected or errored; conflict: an
   * ambiguity (a duplicate SKU, a product claimed twice) left alone until someone resolves it; skipped: nothing
   * to do by choice (a test order, a product that cannot be written safely).
   */
  status: 'planned' | 'done' | 'failed' | 'conflict' | 'skipped';
  reasons?: string[];
  /** Interrupted after the product was written: a create left as a draft, or its stock not yet written. */
  unfinished?: 'not-published' | 'stock-pending';
  changes?: unknown[];
  error?: { message: string; hint?: string };
}

export interface Summary {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  conflicts: number;
  /** Orders a person must bring into line in Sentos (present only when there are some); not failures. */
  needsAttention?: number;
  /** A real run that stopped early (Ctrl-C): items it never reached. Always 0 in a dry run. */
  notReached: number;
  total: number;
}

export interface RunReport {
  command: string;
  runId: string;
  dryRun: boolean;
  startedAt: string;
  durationMs: number;
  interrupted: boolean;
  summary: Summary;
  items: ReportItem[];
  requests: { sentos: RequestFigures; shopify: RequestFigures };
  warnings: string[];
  exitCode: number;
  /** Shopify location id → name, so people read stock changes by name (ids stay in `changes`). */
  locations?: Record<string, string>;
  /** Product writes went as bulk imports (docs/architecture.md#bulk-import): which, and what came back. */
  bulk?: BulkFigures;
}

export interface BulkFigures {
  operations: string[];
  lines: number;
  written: number;
  failed: number;
  stillRunning: string[];
}

export interface RequestFigures {
  reads: number;
  writes: number;
  retries: number;
  cost?: number;
}

export function summarize(items: ReportItem[], dryRun = true): Summary {
  const summary: Summary = {
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    failed: 0,
    conflicts: 0,
    notReached: 0,
    total: items.length,
  };
  for (const item of items) {
    if (item.status === 'failed' || item.action === 'invalid' || item.action === 'failed') summary.failed += 1;
    // In a real run, "planned" means not reached (the run was interrupted first): not created, not updated.
    else if (!dryRun && item.status === 'planned') summary.notReached += 1;
    else if (item.action === 'create') summary.created += 1;
    else if (item.action === 'update') summary.updated += 1;
    else if (item.action === 'unchanged') summary.unchanged += 1;
    else if (item.action === 'conflict') summary.conflicts += 1;
    else if (item.action === 'needs-attention') summary.needsAttention = (summary.needsAttention ?? 0) + 1;
    else summary.skipped += 1;
  }
  return summary;
}

/** Success, partial (some failed, others synced) or total failure; conflicts count as not synced. */
export function exitCodeFor(summary: Summary, interrupted: boolean): number {
  if (interrupted) return ExitCode.interrupted;
  const problems = summary.failed + summary.conflicts;
  if (problems === 0) return ExitCode.ok;
  return problems < summary.total ? ExitCode.partial : ExitCode.failure;
}

export function requestFigures(stats: Record<'sentos' | 'shopify', ServiceStats>): RunReport['requests'] {
  const pick = (s: ServiceStats, withCost: boolean): RequestFigures => ({
    reads: s.reads,
    writes: s.writes,
    retries: s.retries,
    ...(withCost ? { cost: Math.round(s.cost) } : {}),
  });
  return { sentos: pick(stats.sentos, false), shopify: pick(stats.shopify, true) };
}

/** The worse of two exit codes, for `sync` (interrupted > failure > auth/remote > partial > ok). */
export function worseExitCode(a: number, b: number): number {
  const rank = (code: number) =>
    code === ExitCode.ok ? 0 : code === ExitCode.partial ? 1 : code === ExitCode.interrupted ? 3 : 2;
  return rank(b) > rank(a) ? b : a;
}

export interface ReportInput {
  command: string;
  runId: string;
  dryRun: boolean;
  startedAtMs: number;
  nowMs: number;
  items: ReportItem[];
  interrupted: boolean;
  warnings: string[];
  stats: Record<'sentos' | 'shopify', ServiceStats>;
  locations?: Record<string, string>;
  bulk?: BulkFigures;
}

export function buildReport(input: ReportInput): RunReport {
  const summary = summarize(input.items, input.dryRun);
  return {
    command: input.command,
    runId: input.runId,
    dryRun: input.dryRun,
    startedAt: new Date(input.startedAtMs).toISOString(),
    durationMs: input.nowMs - input.startedAtMs,
    interrupted: input.interrupted,
    summary,
    items: input.items,
    requests: requestFigures(input.stats),
    warnings: input.warnings,
    exitCode: exitCodeFor(summary, input.interrupted),
    ...(input.locations ? { locations: input.locations } : {}),
    ...(input.bulk ? { bulk: input.bulk } : {}),
  };
}
