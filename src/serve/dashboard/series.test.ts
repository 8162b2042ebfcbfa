import { describe, expect, it } from 'vitest';
import type { ServeRun } from '../history.js';
import { barChart } from './charts.js';
import { chartSpecs, percentile, pushedPerHour } from './series.js';

const run = (over: Partial<ServeRun>): ServeRun => ({
  runId: 'r',
  kind: 'webhooks',
  startedAt: '2026-12-01T10:00:00.000Z',
  durationMs: 1000,
  exitCode: 0,
  requests: { sentos: 3, shopify: 5 },
  pushed: 0,
  ...over,
});

describe('dashboard series', () => {
  it.each([
    [[], 0.95, 0],
    [[5], 0.95, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95, 10],
    [[10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 0.5, 5],
  ])('percentile(%j, %f) = %i', (values, p, expected) => expect(percentile(values, p)).toBe(expected));

  it('orders pushed per hour: the last 24 hours, webhooks and schedule apart, older runs left out', () => {
    const now = Date.parse('2026-12-01T10:30:00Z');
    const points = pushedPerHour(
      [
        run({ startedAt: '2026-12-01T10:05:00Z', pushed: 2 }),
        run({ startedAt: '2026-12-01T10:25:00Z', pushed: 1, kind: 'sync' }),
        run({ startedAt: '2026-12-01T08:59:00Z', pushed: 4 }),
        run({ startedAt: '2026-11-29T10:00:00Z', pushed: 9 }),
      ],
      now,
    );
    expect(points).toHaveLength(24);
    expect(points.at(-1)).toEqual({ label: '10:00', values: [2, 1] });
    expect(points.at(-3)).toEqual({ label: '08:00', values: [4, 0] });
    expect(points.flatMap((p) => p.values).reduce((a, b) => a + b, 0)).toBe(7);
  });

  it('latency chart: p95 per webhook batch, in seconds; an empty history draws "no data yet"', () => {
    const specs = chartSpecs([run({ latenciesMs: [1000, 3000, 2000] }), run({ kind: 'sync' })], Date.now());
    expect(specs.find((s) => s.id === 'chart-latency')?.points).toEqual([{ label: '10:00:00', values: [3] }]);
    expect(barChart(chartSpecs([], Date.now())[0]!)).toContain('no data yet');
    // The tallest bar fills the plot (180 − 12 − 28 px); text is escaped.
    const svg = barChart({ id: 'x', title: '<b>', unit: 's', series: ['a'], points: [{ label: 'p', values: [2] }] });
    expect(svg).toMatch(/<rect class="bar"[^>]*height="140"/);
    expect(svg).toContain('&lt;b&gt;');
    expect(svg).not.toContain('<b>');
  });
});
