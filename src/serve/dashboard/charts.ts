/**
 * Inline SVG bar charts for the dashboard: server-rendered, no script, no build step, nothing fetched.
 * One chart = bars over a time-ordered list of points, optionally stacked in two series.
 */
export interface ChartPoint {
  label: string;
  values: number[];
}

export interface ChartSpec {
  id: string;
  title: string;
  unit: string;
  series: string[];
  points: ChartPoint[];
}

const WIDTH = 560;
const HEIGHT = 180;
const PAD = { left: 48, right: 8, top: 12, bottom: 28 };
const COLOURS = ['#2f6fde', '#e08a1e', '#3a9d5d'];

export function barChart(spec: ChartSpec): string {
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const totals = spec.points.map((p) => p.values.reduce((a, b) => a + b, 0));
  const max = niceMax(Math.max(0, ...totals));
  const step = spec.points.length > 0 ? innerW / spec.points.length : innerW;
  const barW = Math.max(1, step * 0.8);
  const bars: string[] = [];
  spec.points.forEach((point, i) => {
    let y = PAD.top + innerH;
    point.values.forEach((value, s) => {
      const h = max > 0 ? (value / max) * innerH : 0;
      y -= h;
      const x = PAD.left + i * step + (step - barW) / 2;
      bars.push(
        `<rect class="bar" x="${fmt(x)}" y="${fmt(y)}" width="${fmt(barW)}" height="${fmt(h)}" ` +
          (`fill="${COLOURS[s % COLOURS.length]}"><title>${escapeHtml(point.label)}: ` +
            `${escapeHtml(spec.series[s] ?? '')} ${fmt(value)} ${escapeHtml(spec.unit)}</title></rect>`),
      );
    });
  });
  const ticks = [0, max / 2, max].map((v) => {
    const y = PAD.top + innerH - (max > 0 ? (v / max) * innerH : 0);
    return (
      `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${fmt(y)}" y2="${fmt(y)}" stroke="#ddd"/><text ` +
      `x="${PAD.left - 4}" y="${fmt(y + 4)}" text-anchor="end">${fmt(v)}</text>`
    );
  });
  const first = spec.points[0]?.label ?? '';
  const last = spec.points.at(-1)?.label ?? '';
  const legend = spec.series
    .map((name, s) => `<tspan fill="${COLOURS[s % COLOURS.length]}">■</tspan> ${escapeHtml(name)} `)
    .join('');
  return (
    `<figure class="chart" id="${spec.id}"><figcaption>${escapeHtml(spec.title)} (${escapeHtml(spec.unit)})</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" ` +
    `role="img" aria-label="${escapeHtml(spec.title)}" font-size="10" font-family="sans-serif">
${ticks.join('\n')}
${bars.join('\n')}
<text x="${PAD.left}" y="${HEIGHT - 14}">${escapeHtml(first)}</text>
<text x="${WIDTH - PAD.right}" y="${HEIGHT - 14}" text-anchor="end">${escapeHtml(last)}</text>
<text x="${PAD.left}" y="${HEIGHT - 2}">${legend}</text>
${spec.points.length === 0 ? `<text x="${WIDTH / 2}" y="${HEIGHT / 2}" text-anchor="middle">no data yet</text>` : ''}
</svg></figure>`
  );
}

/** 1, 2, 5 × 10^n above the largest value, so the axis reads well. */
function niceMax(value: number): number {
  if (value <= 0) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (m * power >= value) return m * power;
  return 10 * power;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1);
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}
