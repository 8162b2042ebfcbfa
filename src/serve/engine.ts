import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ActivityLog, type LogLevel } from '../core/activity-log.js';
import { errorMessage, type Service } from '../core/errors.js';
import type { ServiceStats } from '../core/request-stats.js';
import { ordersPhase, pendingWindowStart, productsPhase, type PhaseDeps } from '../cli/phases.js';
import type { Runtime } from '../cli/runtime.js';
import { retryOverride } from '../cli/services.js';
import { orderState } from '../cli/state-files.js';
import type { FailedEntry } from '../sync/state/order-ledger.js';
import { readSentosSnapshot, type SentosSnapshot } from '../sync/run/sentos-snapshot.js';
import { worseExitCode, type RunReport } from '../sync/report.js';
import type { OrdersRunResult } from '../sync/run/orders.js';
import { WebhookQueue, type JobOutcome, type QueueJob } from '../sync/serve/queue.js';
import { RunHistory, type RunKind, type ServeRun } from './history.js';
import { Metrics } from './metrics.js';
import { outcomesOf } from './outcomes.js';

/**
 * The long-lived worker behind `serve` (docs/decisions/webhooks-wake-never-carry-state.md): one loop that
 * drains the durable queue through the same orders engine as `orders` (one Sentos client for the whole life
 * of the process, so Sentos's limits hold across jobs), refreshes stock for the SKUs those orders sold, and
 * runs the full `sync` every `everyMs`. Stopping (runtime.signal) finishes the order in flight; what is not
 * done stays in the queue for the next start.
 */
export interface EngineDeps {
  runtime: Runtime;
  phase: Omit<PhaseDeps, 'ctx'>;
  everyMs: number;
  /** Orders per batch: one Shopify read by ids (50 per page) and one stock refresh for the lot. */
  batchSize?: number;
}

const DEFAULT_BATCH = 50;
/** After a batch that failed as a whole (network, auth), wait before trying again; doubled up to the cap. */
const BACKOFF_MS = { first: 2_000, max: 60_000 };

export class ServeEngine {
  readonly queue: WebhookQueue;
  readonly metrics = new Metrics();
  readonly history: RunHistory;
  readonly log: ActivityLog;
  /** Last error per remote, for the dashboard's connection status; cleared by a run that succeeds. */
  lastError: string | undefined;
  lastSuccessAt: string | undefined;
  /** Per remote: the last error that named it (auth, HTTP), cleared by the next run that succeeds. */
  readonly connection: Record<Service, { error?: string; at?: string }> = { sentos: {}, shopify: {} };
  nextSyncAtMs = 0;
  running: { kind: RunKind; startedAt: string } | undefined;
  private snapshot: SentosSnapshot | undefined;
  private wake: (() => void) | undefined;
  private backoffMs = 0;

  constructor(private readonly deps: EngineDeps) {
    const { stateDir, logFile } = deps.runtime.paths;
    this.queue = new WebhookQueue(path.join(stateDir, 'serve-queue.jsonl'), () => deps.runtime.clock.now());
    this.history = new RunHistory(path.join(stateDir, 'serve-runs.jsonl'));
    this.log = new ActivityLog(logFile, deps.phase.config.settings.log.maxEntries);
    this.metrics.set('sentos_sync_queue_jobs', this.queue.size);
  }

  /** Orders the ledger says failed: retried by every full sync until they go through. */
  orderFailures(): FailedEntry[] {
    return orderState(this.deps.runtime).ledger.pendingFailures();
  }

  /** Called by the intake after a job is on disk: the loop picks it up at once. */
  notify(): void {
    this.metrics.set('sentos_sync_queue_jobs', this.queue.size);
    this.wake?.();
  }

  entry(level: LogLevel, message: string, runId = 'serve', item?: string): void {
    const { runtime } = this.deps;
    this.log.append({
      time: new Date(runtime.clock.now()).toISOString(),
      runId,
      command: 'serve',
      level,
      message: runtime.output.scrub(message),
      ...(item ? { item } : {}),
    });
  }

  async run(): Promise<void> {
    const { runtime } = this.deps;
    this.queue.compact();
    if (this.queue.size > 0) this.entry('info', `resuming ${this.queue.size} queued job(s) from the last run`);
    this.nextSyncAtMs = runtime.clock.now(); // a full sync at start catches up on what arrived while stopped
    while (!runtime.signal.aborted) {
      const now = runtime.clock.now();
      if (this.queue.size > 0 && this.backoffMs === 0) await this.drain();
      else if (now >= this.nextSyncAtMs) await this.fullSync();
      else await this.idle(Math.min(this.nextSyncAtMs - now, this.backoffMs || Number.POSITIVE_INFINITY));
    }
    this.queue.compact();
    this.log.rotate();
  }

  private async idle(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      const onAbort = () => done();
      this.deps.runtime.signal.addEventListener('abort', onAbort, { once: true });
      this.wake = () => {
        // A new job while backing off waits for the backoff; otherwise it is handled at once.
        if (this.backoffMs === 0) done();
      };
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
    this.wake = undefined;
    if (this.backoffMs > 0 && this.deps.runtime.clock.now() >= this.backoffUntil) this.backoffMs = 0;
  }

  private backoffUntil = 0;

  private async drain(): Promise<void> {
    const jobs = this.queue.pending().slice(0, this.deps.batchSize ?? DEFAULT_BATCH);
    const orderIds = [...new Set(jobs.map((job) => job.orderId))];
    await this.frame('webhooks', async (run) => {
      const snapshot = await this.currentSnapshot();
      const { report, result } = await ordersPhase(this.phaseDeps(run.runId), snapshot, {
        dryRun: false,
        orders: orderIds,
        settleMs: retryOverride(this.deps.runtime.env).baseDelayMs,
      });
      const outcomes = outcomesOf(orderIds, result.orders, report.items);
      const latencies = this.settle(jobs, outcomes);
      run.orders = report.summary;
      run.pushed = report.summary.created + report.summary.updated;
      run.latenciesMs = latencies;
      run.failures = failuresOf(report);
      const skus = [
        ...new Set(result.orders.flatMap((order) => order.lineItems.map((line) => line.sku ?? '').filter(Boolean))),
      ];
      if (skus.length === 0 || this.deps.runtime.signal.aborted) return report.exitCode;
      const products = await this.stock(run.runId, snapshot, skus, result);
      run.products = products.summary;
      run.failures.push(...failuresOf(products));
      return worseExitCode(report.exitCode, products.exitCode);
    });
  }

  /** Completes the jobs whose order the engine reached; the others stay queued (interrupted, or not read). */
  private settle(jobs: QueueJob[], outcomes: Map<string, JobOutcome>): number[] {
    const now = this.deps.runtime.clock.now();
    const latencies: number[] = [];
    const byOutcome = new Map<JobOutcome, string[]>();
    for (const job of jobs) {
      const outcome = outcomes.get(job.orderId);
      if (!outcome) continue;
      byOutcome.set(outcome, [...(byOutcome.get(outcome) ?? []), job.id]);
      this.metrics.inc('sentos_sync_jobs_total', { outcome });
      if (outcome === 'pushed' || outcome === 'unchanged') {
        const ms = now - (job.triggeredAtMs ?? job.receivedAtMs);
        latencies.push(ms);
        this.metrics.observe('sentos_sync_webhook_to_sentos_seconds', ms / 1000);
      }
    }
    for (const [outcome, ids] of byOutcome) this.queue.complete(ids, outcome);
    this.metrics.set('sentos_sync_queue_jobs', this.queue.size);
    return latencies;
  }

  private async stock(runId: string, snapshot: SentosSnapshot, skus: string[], ordersRun: OrdersRunResult) {
    const deps = { ...this.phaseDeps(runId), statsBefore: this.deps.runtime.stats.snapshot() };
    const windowStart = pendingWindowStart(this.deps.runtime);
    return productsPhase(deps, snapshot, { dryRun: false, force: false, skus }, { windowStart, ordersRun });
  }

  private async fullSync(): Promise<void> {
    const { runtime } = this.deps;
    this.nextSyncAtMs = runtime.clock.now() + this.deps.everyMs;
    await this.frame('sync', async (run) => {
      const deps = this.phaseDeps(run.runId);
      const snapshot = await this.readSnapshot();
      // Read before the orders phase moves the checkpoint, as `sync` does.
      const windowStart = pendingWindowStart(runtime);
      const orders = await ordersPhase(deps, snapshot, {
        dryRun: false,
        settleMs: retryOverride(runtime.env).baseDelayMs,
      });
      run.orders = orders.report.summary;
      run.pushed = orders.report.summary.created + orders.report.summary.updated;
      run.failures = failuresOf(orders.report);
      if (orders.report.interrupted) return orders.report.exitCode;
      const productDeps = { ...deps, statsBefore: runtime.stats.snapshot() };
      const products = await productsPhase(
        productDeps,
        snapshot,
        { dryRun: false, force: false },
        { windowStart, ordersRun: orders.result },
      );
      run.products = products.summary;
      run.failures.push(...failuresOf(products));
      return worseExitCode(orders.report.exitCode, products.exitCode);
    });
    this.nextSyncAtMs = runtime.clock.now() + this.deps.everyMs;
  }

  /** One run: id, timing, request figures, history line, activity log and metrics; errors are logged, not thrown. */
  private async frame(kind: RunKind, body: (run: ServeRun) => Promise<number>): Promise<void> {
    const { runtime } = this.deps;
    const startedMs = runtime.clock.now();
    const before = runtime.stats.snapshot();
    const run: ServeRun = {
      runId: `${new Date(startedMs).toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomBytes(3).toString('hex')}`,
      kind,
      startedAt: new Date(startedMs).toISOString(),
      durationMs: 0,
      exitCode: 0,
      requests: { sentos: 0, shopify: 0 },
      pushed: 0,
    };
    this.running = { kind, startedAt: run.startedAt };
    try {
      run.exitCode = await body(run);
      this.lastError = undefined;
      this.lastSuccessAt = new Date(runtime.clock.now()).toISOString();
      for (const service of ['sentos', 'shopify'] as const) this.connection[service] = { at: this.lastSuccessAt };
      this.backoffMs = 0;
    } catch (error) {
      run.exitCode = (error as { exitCode?: number }).exitCode ?? 1;
      run.error = runtime.output.scrub(errorMessage(error));
      this.lastError = run.error;
      const service = (error as { service?: Service }).service;
      if (service === 'sentos' || service === 'shopify')
        this.connection[service] = { error: run.error, at: new Date(runtime.clock.now()).toISOString() };
      if (kind === 'webhooks') {
        this.backoffMs = Math.min(this.backoffMs ? this.backoffMs * 2 : BACKOFF_MS.first, BACKOFF_MS.max);
        this.backoffUntil = runtime.clock.now() + this.backoffMs;
      }
    } finally {
      this.running = undefined;
    }
    run.durationMs = runtime.clock.now() - startedMs;
    run.requests = requestsSince(runtime.stats.snapshot(), before, this.metrics);
    this.history.add(run);
    this.metrics.inc('sentos_sync_runs_total', { kind, exit_code: String(run.exitCode) });
    this.metrics.observe('sentos_sync_run_duration_seconds', run.durationMs / 1000, { kind });
    this.record(run);
  }

  private record(run: ServeRun): void {
    for (const failure of run.failures ?? []) this.entry('error', failure.message, run.runId, failure.key);
    const level: LogLevel = run.error ? 'error' : run.exitCode === 0 ? 'success' : 'warn';
    const what = run.kind === 'sync' ? 'scheduled sync' : 'webhook batch';
    const orders = run.orders
      ? `, orders ${run.orders.created} created ${run.orders.updated} updated ${run.orders.failed} failed`
      : '';
    this.entry(level, `${what}${run.error ? ` stopped: ${run.error}` : `: exit ${run.exitCode}${orders}`}`, run.runId);
  }

  private phaseDeps(runId: string): PhaseDeps {
    const { runtime } = this.deps;
    return { ...this.deps.phase, ctx: { runId, sink: () => undefined, startedAtMs: runtime.clock.now() } };
  }

  private async currentSnapshot(): Promise<SentosSnapshot> {
    return this.snapshot ?? this.readSnapshot();
  }

  private async readSnapshot(): Promise<SentosSnapshot> {
    const { runtime, phase } = this.deps;
    this.snapshot = await readSentosSnapshot(
      phase.sentos,
      () => runtime.clock.now(),
      () => undefined,
      runtime.signal,
    );
    return this.snapshot;
  }
}

function failuresOf(report: RunReport): Array<{ key: string; message: string }> {
  return report.items
    .filter((item) => item.status === 'failed' || item.action === 'conflict')
    .slice(0, 50)
    .map((item) => ({ key: item.key, message: item.error?.message ?? item.reasons?.join('; ') ?? item.action }));
}

function requestsSince(
  after: Record<'sentos' | 'shopify', ServiceStats>,
  before: Record<'sentos' | 'shopify', ServiceStats>,
  metrics: Metrics,
): { sentos: number; shopify: number } {
  const out = { sentos: 0, shopify: 0 };
  for (const service of ['sentos', 'shopify'] as const) {
    for (const kind of ['reads', 'writes'] as const) {
      const n = after[service][kind] - before[service][kind];
      out[service] += n;
      if (n > 0) metrics.inc('sentos_sync_requests_total', { service, kind: kind.slice(0, -1) }, n);
    }
  }
  return out;
}
