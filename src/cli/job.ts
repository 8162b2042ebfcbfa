import { randomBytes } from 'node:crypto';
import { ActivityLog, type LogEntry, type LogLevel } from '../core/activity-log.js';
import { CliError, ExitCode, errorMessage } from '../core/errors.js';
import { acquireLock, type Lock } from '../core/lock.js';
import type { EventSink } from '../sync/events.js';
import type { RunReport } from '../sync/report.js';
import { RunRecords } from '../sync/state/run-records.js';
import { createProgress } from './progress.js';
import { printResult, type ResultView } from './render/result.js';
import type { Runtime } from './runtime.js';

/**
 * The frame around every sync command: the cron lock, a run id, progress on stderr, the activity log,
 * the "last runs" record that `status` shows, and the result on stdout with its exit code.
 */
export interface JobContext {
  runId: string;
  sink: EventSink;
  startedAtMs: number;
}

export interface JobResult {
  /** One report per phase (`sync` has two), rendered in order. */
  reports: Array<{ title: string; report: RunReport }>;
  exitCode: number;
  /** The --json document; defaults to the single report. */
  json?: unknown;
}

export async function runJob(
  runtime: Runtime,
  command: string,
  locks: string[],
  body: (ctx: JobContext) => Promise<JobResult>,
  view: ResultView = {},
): Promise<void> {
  const held = acquireAll(runtime.paths.lockDir, locks);
  const stamp = new Date(runtime.clock.now()).toISOString().replace(/[-:]/g, '').slice(0, 15);
  const runId = `${stamp}-${randomBytes(3).toString('hex')}`;
  const log = new ActivityLog(runtime.paths.logFile, maxEntries(runtime));
  const records = new RunRecords(runtime.paths.stateDir);
  const progress = createProgress(runtime.output, runtime.signal);
  const started = runtime.clock.now();
  const toEntry = (level: LogLevel, message: string, item?: string, data?: Record<string, unknown>): LogEntry => ({
    time: new Date(runtime.clock.now()).toISOString(),
    runId,
    command,
    level,
    message: runtime.output.scrub(message),
    ...(item ? { item } : {}),
    ...(data ? { data } : {}),
  });
  const entry = (...args: Parameters<typeof toEntry>) => log.append(toEntry(...args));
  entry('info', `${command} started (run ${runId})`);
  try {
    const result = await body({ runId, sink: progress.sink, startedAtMs: started });
    progress.stop();
    // One append (one fsync) for the whole report: per item, 10,000 products cost seconds of fsyncs.
    const entries: LogEntry[] = [];
    for (const { report } of result.reports) logReport(report, (...args) => entries.push(toEntry(...args)));
    log.appendMany(entries);
    records.recordRun(command, {
      at: new Date(started).toISOString(),
      runId,
      durationMs: runtime.clock.now() - started,
      exitCode: result.exitCode,
      ...(result.reports.some((r) => r.report.dryRun) ? { dryRun: true } : {}),
      summaries: Object.fromEntries(result.reports.map((r) => [r.report.command, r.report.summary])),
    });
    await printResult(runtime, result.reports, result.json ?? result.reports[0]?.report, view);
    runtime.exitCode = result.exitCode;
  } catch (error) {
    progress.stop();
    entry('error', `${command} stopped: ${errorMessage(error)}`);
    records.recordRun(command, {
      at: new Date(started).toISOString(),
      runId,
      durationMs: runtime.clock.now() - started,
      exitCode: error instanceof CliError ? error.exitCode : ExitCode.bug,
      error: runtime.output.scrub(errorMessage(error)),
    });
    throw error;
  } finally {
    log.rotate();
    for (const lock of held.reverse()) lock.release();
  }
}

/** Takes every lock or none: when one is held elsewhere, the ones already taken are released before the error. */
function acquireAll(dir: string, names: string[]): Lock[] {
  const held: Lock[] = [];
  try {
    for (const name of names) held.push(acquireLock(dir, name));
  } catch (error) {
    for (const lock of held.reverse()) lock.release();
    throw error;
  }
  return held;
}

function logReport(
  report: RunReport,
  entry: (level: LogLevel, message: string, item?: string, data?: Record<string, unknown>) => void,
): void {
  for (const item of report.items) {
    if (item.status === 'failed') entry('error', item.error?.message ?? item.reasons?.join('; ') ?? 'failed', item.key);
    else if (item.action === 'conflict') entry('warn', item.reasons?.join('; ') ?? 'conflict', item.key);
    else if (item.action === 'needs-attention') entry('warn', item.reasons?.join(' ') ?? 'needs attention', item.key);
    else if (item.status === 'done') entry('success', `${item.action}d`, item.key);
  }
  for (const warning of report.warnings) entry('warn', warning);
  const s = report.summary;
  const level: LogLevel = report.exitCode === 0 ? 'success' : report.exitCode === ExitCode.partial ? 'warn' : 'error';
  entry(
    level,
    `${report.command}${report.dryRun ? ' (dry run)' : ''}: ${s.created} created, ${s.updated} updated, ` +
      `${s.unchanged} unchanged, ${s.skipped} skipped, ${s.conflicts} conflicts, ` +
      `${s.needsAttention ? `${s.needsAttention} need attention, ` : ''}${s.failed} failed of ${s.total}`,
    undefined,
    { summary: s, requests: report.requests, exitCode: report.exitCode, interrupted: report.interrupted },
  );
}

/** The rotation cap: config `log.maxEntries` (file < SENTOS_SYNC_LOG_MAX_ENTRIES < flag; default in resolve.ts). */
function maxEntries(runtime: Runtime): number {
  return runtime.config().settings.log.maxEntries;
}
