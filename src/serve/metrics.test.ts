import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics.js';

describe('Metrics (Prometheus text format)', () => {
  it('renders counters with labels and cumulative histogram buckets', () => {
    const metrics = new Metrics();
    metrics.inc('sentos_sync_webhooks_received_total', { outcome: 'queued' });
    metrics.inc('sentos_sync_webhooks_received_total', { outcome: 'queued' });
    metrics.inc('sentos_sync_webhooks_received_total', { outcome: 'bad-signature' });
    metrics.observe('sentos_sync_webhook_to_sentos_seconds', 0.3);
    metrics.observe('sentos_sync_webhook_to_sentos_seconds', 7);
    const text = metrics.render();
    expect(text).toContain('# TYPE sentos_sync_webhooks_received_total counter');
    expect(text).toContain('sentos_sync_webhooks_received_total{outcome="queued"} 2');
    expect(text).toContain('sentos_sync_webhooks_received_total{outcome="bad-signature"} 1');
    expect(text).toContain('# TYPE sentos_sync_webhook_to_sentos_seconds histogram');
    expect(text).toContain('sentos_sync_webhook_to_sentos_seconds_bucket{le="0.25"} 0');
    expect(text).toContain('sentos_sync_webhook_to_sentos_seconds_bucket{le="0.5"} 1');
    expect(text).toContain('sentos_sync_webhook_to_sentos_seconds_bucket{le="10"} 2');
    expect(text).toContain('sentos_sync_webhook_to_sentos_seconds_bucket{le="+Inf"} 2');
    expect(text).toContain('sentos_sync_webhook_to_sentos_seconds_sum 7.3');
    expect(text).toContain('sentos_sync_webhook_to_sentos_seconds_count 2');
  });

  it('escapes label values and keeps label order stable', () => {
    const metrics = new Metrics();
    metrics.inc('sentos_sync_runs_total', { kind: 'sync', exit_code: '5' });
    metrics.inc('sentos_sync_runs_total', { exit_code: '5', kind: 'sync' });
    metrics.inc('sentos_sync_jobs_total', { outcome: 'a"b\\c' });
    const text = metrics.render();
    expect(text).toContain('sentos_sync_runs_total{exit_code="5",kind="sync"} 2');
    expect(text).toContain('sentos_sync_jobs_total{outcome="a\\"b\\\\c"} 1');
  });
});
