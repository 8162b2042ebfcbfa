import type { OrdersFigures } from './orders.js';
import type { ProductsCell, RunFigures } from './products.js';
import type { StartupFigures } from './startup.js';

/** The benchmark's printed lines and its Markdown table (pasted into the README's Benchmarks section). */
export function cellLines(cell: ProductsCell): string[] {
  return [
    `(${cell.variants} variants)`,
    runLine('dry run', cell.products, cell.dry),
    runLine('first run', cell.products, cell.first),
    runLine('unchanged resync', cell.products, cell.resync),
  ];
}

function runLine(label: string, products: number, r: RunFigures): string {
  const s = r.summary;
  const parts = [
    `- ${label}: exit ${r.exit}`,
    `wall ${minutes(r.wallS)}`,
    `ideal ${minutes(r.idealS)} (read ${minutes(r.readS)})`,
    `ratio ${(r.wallS / r.idealS).toFixed(2)}`,
    `cost ${Math.round(r.cost)} (${(r.cost / products).toFixed(1)}/product)`,
    `Shopify ${r.shopifyRequests} requests (${per(r.shopifyRequests, products)}/product, ` +
      `${r.mutations} data mutations)`,
    `Sentos ${r.sentosRequests} requests`,
    `THROTTLED ${r.throttled}`,
    `peak RSS ${r.peakRssMb ?? '?'} MB`,
    `CPU CLI ${r.cpu.cliS?.toFixed(1) ?? '?'} s, sandbox ${r.cpu.sandboxS.toFixed(1)} s`,
    `created ${s.created ?? 0}, updated ${s.updated ?? 0}, unchanged ${s.unchanged ?? 0}, failed ${s.failed ?? 0}`,
  ];
  const kinds = Object.entries(r.byOperation)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([field, count]) => `${field} ${count}`)
    .join(', ');
  return (
    parts.join(' · ') +
    `\n  Shopify requests by root field: ${kinds}` +
    (r.stderrTail ? `\n  stderr tail: ${r.stderrTail}` : '')
  );
}

const COLUMNS = [
  'products',
  'plan',
  'run',
  'wall',
  'quota-bound ideal',
  'wall / ideal',
  'cost / product',
  'Shopify requests / product',
  'THROTTLED',
  'peak RSS',
];

export function tableHeader(): string {
  const align = COLUMNS.map((column) => (column === 'plan' || column === 'run' ? '---' : '---:'));
  return `| ${COLUMNS.join(' | ')} |\n| ${align.join(' | ')} |`;
}

export function tableRows(cell: ProductsCell): string[] {
  const row = (label: string, r: RunFigures) =>
    `| ${[
      cell.products.toLocaleString('en'),
      cell.plan,
      label + (r.exit === 0 ? '' : ` (exit ${r.exit})`),
      minutes(r.wallS),
      minutes(r.idealS),
      (r.wallS / r.idealS).toFixed(2),
      (r.cost / cell.products).toFixed(1),
      per(r.shopifyRequests, cell.products),
      String(r.throttled),
      `${r.peakRssMb ?? '?'} MB`,
    ].join(' | ')} |`;
  return [
    row('dry run', cell.dry),
    row(`first sync (${writeLabel(cell)})`, cell.first),
    row(`unchanged resync (${cell.write})`, cell.resync),
  ];
}

/** `auto` names the path the tool chose: bulk when the first sync started a bulk import. */
function writeLabel(cell: ProductsCell): string {
  if (cell.write !== 'auto') return cell.write;
  return `auto: ${cell.first.byOperation.bulkOperationRunMutation ? 'bulk' : 'per call'}`;
}

export function ordersLine(o: OrdersFigures): string {
  return [
    `- push: exit ${o.exit}`,
    `${o.created} of ${o.orders} new unshipped orders created with ${o.posts} POST /orders in ${minutes(o.wallS)}`,
    `sustained ${o.sustainedPerWindow?.toFixed(2) ?? '?'} orders per ${o.windowMs / 1000} s window ` +
      `(Sentos allows 12 POSTs; the 13th waits for the 1st to leave the window)`,
    `${o.perMinute.toFixed(1)} per window over the whole run (start-up, reads and the first burst included)`,
    `${o.sentosPerOrder.toFixed(2)} Sentos requests per order (${o.sentosRequests} in all, ` +
      `${(o.orderGets / Math.max(1, o.created)).toFixed(2)} GET /orders per order)`,
    `peak RSS ${o.peakRssMb ?? '?'} MB`,
  ].join(' · ');
}

export function startupLine(s: StartupFigures): string {
  const ratio = (ms: number, base: number) => `${(ms / base).toFixed(2)}×`;
  const parts = [
    `- ${s.tool}, ${s.runs} runs, mean wall: node -e 0 ${s.nodeMs.toFixed(0)} ms`,
    `--help ${s.helpMs.toFixed(0)} ms (${ratio(s.helpMs, s.nodeMs)})`,
    `--version ${s.versionMs.toFixed(0)} ms (${ratio(s.versionMs, s.nodeMs)})`,
  ];
  if (s.userMs) {
    const [node, help, version] = s.userMs;
    parts.push(
      `user CPU ${node.toFixed(0)} / ${help.toFixed(0)} / ${version.toFixed(0)} ms ` +
        `(--help ${ratio(help, node)}, --version ${ratio(version, node)})`,
    );
  }
  return parts.join(' · ');
}

const per = (count: number, products: number) => (count / products).toFixed(2);

function minutes(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${String(Math.round(seconds - m * 60)).padStart(2, '0')} s`;
}
