import type { ServeRun } from '../history.js';
import type { ChartSpec } from './charts.js';

/**
 * The four charts of the dashboard, from the run history (pure, so it is table-tested): run durations and
 * requests per run (the last RUNS_SHOWN runs), orders pushed per hour (the last 24 h) and the webhook-to-Sentos
 * latency (p95 per webhook batch).
 */
const RUNS_SHOWN = 40;
const HOUR_MS = 3_600_000;

export function chartSpecs(runs: readonly ServeRun[], nowMs: number): ChartSpec[] {
  const recent = runs.slice(-RUNS_SHOWN);
  const label = (run: ServeRun) => run.startedAt.slice(11, 19);
  const batches = runs
    .filter((run) => run.kind === 'webhooks' && (run.latenciesMs?.length ?? 0) > 0)
    .slice(-RUNS_SHOWN);
  return [
    {
      id: 'chart-durations',
      title: 'Run durations',
      unit: 's',
      series: ['webhook batch', 'scheduled sync'],
      points: recent.map((run) => ({
        label: label(run),
        values: run.kind === 'webhooks' ? [run.durationMs / 1000, 0] : [0, run.durationMs / 1000],
      })),
    },
    {
      id: 'chart-requests',
      title: 'Requests per run',
      unit: 'requests',
      series: ['Sentos', 'Shopify'],
      points: recent.map((run) => ({ label: label(run), values: [run.requests.sentos, run.requests.shopify] })),
    },
    {
      id: 'chart-orders',
      title: 'Orders pushed per hour',
      unit: 'orders',
      series: ['by webhook', 'by scheduled sync'],
      points: pushedPerHour(runs, nowMs),
    },
    {
      id: 'chart-latency',
      title: 'Webhook to Sentos, p95 per batch',
      unit: 's',
      series: ['p95'],
      points: batches.map((run) => ({ label: label(run), values: [percentile(run.latenciesMs ?? [], 0.95) / 1000] })),
    },
  ];
}

export function pushedPerHour(runs: readonly ServeRun[], nowMs: number): ChartSpec['points'] {
  const currentHour = Math.floor(nowMs / HOUR_MS) * HOUR_MS;
  const points = Array.from({ length: 24 }, (_, i) => {
    const startMs = currentHour - (23 - i) * HOUR_MS;
    return { startMs, label: `${new Date(startMs).toISOString().slice(11, 13)}:00`, values: [0, 0] };
  });
  for (const run of runs) {
    const at = Date.parse(run.startedAt);
    const index = Math.floor((at - (currentHour - 23 * HOUR_MS)) / HOUR_MS);
    const point = points[index];
    if (!point || run.pushed === 0) continue;
    const slot = run.kind === 'webhooks' ? 0 : 1;
    point.values[slot] = (point.values[slot] ?? 0) + run.pushed;
  }
  return points.map(({ label, values }) => ({ label, values }));
}

/** Nearest-rank percentile; 0 for no data. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}
