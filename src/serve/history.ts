import { readJsonLines, appendLine, writeFileAtomic } from '../core/files.js';
import type { Summary } from '../sync/report.js';

/**
 * What the dashboard charts: one line per run of `serve` (a webhook batch, a stock refresh, a scheduled sync)
 * in <state>/serve-runs.jsonl, newest last, capped at MAX_RUNS when serve starts.
 */
export type RunKind = 'webhooks' | 'sync';

export interface ServeRun {
  runId: string;
  kind: RunKind;
  startedAt: string;
  durationMs: number;
  exitCode: number;
  orders?: Summary;
  products?: Summary;
  requests: { sentos: number; shopify: number };
  /** Orders created or updated in Sentos by this run. */
  pushed: number;
  /** Webhook trigger (or receipt) to the order in Sentos, per pushed job, in ms. */
  latenciesMs?: number[];
  failures?: Array<{ key: string; message: string }>;
  error?: string;
}

const MAX_RUNS = 2000;

export class RunHistory {
  private readonly runs: ServeRun[];

  constructor(private readonly file: string) {
    this.runs = readJsonLines<ServeRun>(file);
    if (this.runs.length > MAX_RUNS) {
      this.runs.splice(0, this.runs.length - MAX_RUNS);
      writeFileAtomic(file, `${this.runs.map((run) => JSON.stringify(run)).join('\n')}\n`);
    }
  }

  add(run: ServeRun): void {
    this.runs.push(run);
    appendLine(this.file, JSON.stringify(run));
  }

  all(): readonly ServeRun[] {
    return this.runs;
  }

  last(kind?: RunKind): ServeRun | undefined {
    for (let i = this.runs.length - 1; i >= 0; i -= 1) {
      const run = this.runs[i] as ServeRun;
      if (!kind || run.kind === kind) return run;
    }
    return undefined;
  }
}
