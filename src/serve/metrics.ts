/**
 * Counters and latency histograms of `serve`, rendered in Prometheus's text exposition format (version 0.0.4)
 * for GET /metrics. Names follow Prometheus's conventions: `_total` counters, `_seconds` histograms with
 * cumulative `le` buckets, `_sum` and `_count`.
 */
type Labels = Record<string, string>;

interface Series {
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
}

/** Seconds; webhook-to-Sentos latency spans Sentos's 12-POST-a-minute pacing, so the tail goes to minutes. */
export const LATENCY_BUCKETS_S = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900];

export class Metrics {
  private readonly series = new Map<string, Series>();
  private readonly values = new Map<string, Map<string, number>>();
  private readonly histograms = new Map<string, Map<string, { buckets: number[]; sum: number; count: number }>>();

  constructor() {
    this.define('sentos_sync_webhooks_received_total', 'counter', 'Webhook deliveries received, by outcome');
    this.define('sentos_sync_jobs_total', 'counter', 'Queued order jobs finished, by outcome');
    this.define('sentos_sync_runs_total', 'counter', 'Runs (webhook batches, scheduled syncs), by kind and exit code');
    this.define('sentos_sync_requests_total', 'counter', 'Requests sent, by service and kind');
    this.define('sentos_sync_queue_jobs', 'gauge', 'Jobs waiting in the durable queue');
    this.define(
      'sentos_sync_webhook_to_sentos_seconds',
      'histogram',
      'From the webhook trigger to the order in Sentos',
    );
    this.define('sentos_sync_run_duration_seconds', 'histogram', 'Run durations, by kind');
    this.define('sentos_sync_webhook_response_seconds', 'histogram', 'Time to answer a webhook delivery');
  }

  inc(name: string, labels: Labels = {}, by = 1): void {
    const map = this.mapOf(name);
    const key = labelKey(labels);
    map.set(key, (map.get(key) ?? 0) + by);
  }

  set(name: string, value: number, labels: Labels = {}): void {
    this.mapOf(name).set(labelKey(labels), value);
  }

  get(name: string, labels: Labels = {}): number {
    return this.values.get(name)?.get(labelKey(labels)) ?? 0;
  }

  observe(name: string, seconds: number, labels: Labels = {}): void {
    let map = this.histograms.get(name);
    if (!map) this.histograms.set(name, (map = new Map<string, { buckets: number[]; sum: number; count: number }>()));
    const key = labelKey(labels);
    let h = map.get(key);
    if (!h) map.set(key, (h = { buckets: LATENCY_BUCKETS_S.map(() => 0), sum: 0, count: 0 }));
    const { buckets } = h;
    LATENCY_BUCKETS_S.forEach((le, i) => {
      if (seconds <= le) buckets[i] = (buckets[i] ?? 0) + 1;
    });
    h.sum += seconds;
    h.count += 1;
  }

  render(): string {
    const lines: string[] = [];
    for (const [name, series] of this.series) {
      lines.push(`# HELP ${name} ${series.help}`, `# TYPE ${name} ${series.type}`);
      if (series.type === 'histogram') {
        for (const [key, h] of this.histograms.get(name) ?? []) {
          LATENCY_BUCKETS_S.forEach((le, i) =>
            lines.push(`${name}_bucket${withLabel(key, `le="${le}"`)} ${h.buckets[i]}`),
          );
          lines.push(`${name}_bucket${withLabel(key, 'le="+Inf"')} ${h.count}`);
          lines.push(`${name}_sum${braces(key)} ${round(h.sum)}`, `${name}_count${braces(key)} ${h.count}`);
        }
      } else {
        for (const [key, value] of this.values.get(name) ?? []) lines.push(`${name}${braces(key)} ${value}`);
      }
    }
    return `${lines.join('\n')}\n`;
  }

  private define(name: string, type: Series['type'], help: string): void {
    this.series.set(name, { type, help });
  }

  private mapOf(name: string): Map<string, number> {
    let map = this.values.get(name);
    if (!map) this.values.set(name, (map = new Map<string, number>()));
    return map;
  }
}

function labelKey(labels: Labels): string {
  return Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',');
}

const braces = (key: string) => (key ? `{${key}}` : '');
const withLabel = (key: string, extra: string) => `{${key ? `${key},` : ''}${extra}}`;
const round = (n: number) => Math.round(n * 1e6) / 1e6;
