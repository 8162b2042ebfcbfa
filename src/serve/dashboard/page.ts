import type { LogEntry, LogFilter, LogLevel } from '../../core/activity-log.js';
import { parseSince } from '../../cli/options.js';
import type { ServeEngine } from '../engine.js';
import { barChart, escapeHtml as h } from './charts.js';
import { chartSpecs } from './series.js';
import { STYLE } from './style.js';

/**
 * GET / of `serve`: one server-rendered page, read-only (no form posts anything but the log filters, which
 * are a GET). Sections: connection, queue, last runs, failing items, activity log (the filters of `logs`),
 * charts over time.
 */
export interface DashboardOptions {
  query: URLSearchParams;
  shopName: string;
  everyMs: number;
}

const LEVELS: readonly LogLevel[] = ['success', 'error', 'info', 'warn'];

export function renderDashboard(engine: ServeEngine, options: DashboardOptions): string {
  const now = Date.now();
  const runs = engine.history.all();
  const body = [
    header(engine, options, now),
    `<section id="charts"><h2>Over time</h2>` +
      `<div class="charts">${chartSpecs(runs, now).map(barChart).join('')}</div></section>`,
    queueSection(engine, now),
    runsSection(engine),
    failuresSection(engine),
    logSection(engine, options.query, now),
  ].join('\n');
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<title>sentos-sync serve · ${h(options.shopName)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="30">
<style>${STYLE}</style></head><body><main>${body}</main></body></html>`
  );
}

function header(engine: ServeEngine, options: DashboardOptions, now: number): string {
  const service = (name: 'sentos' | 'shopify') => {
    const c = engine.connection[name];
    if (c.error) return `<span class="bad">error</span> ${h(ago(Date.parse(c.at ?? ''), now))}: ${h(c.error)}`;
    return c.at ? `<span class="ok">connected</span>, last good run ${h(ago(Date.parse(c.at), now))}` : 'starting…';
  };
  const last = engine.lastError ? `<dt>Last run</dt><dd class="bad">${h(engine.lastError)}</dd>` : '';
  const running = engine.running
    ? `running a ${h(engine.running.kind)} run since ${h(time(engine.running.startedAt))}`
    : 'idle';
  const next = engine.nextSyncAtMs > now ? `in ${h(duration(engine.nextSyncAtMs - now))}` : 'now';
  return `<header><h1>sentos-sync serve · ${h(options.shopName)}</h1>
<dl class="status" id="connection"><dt>Shopify</dt><dd id="shopify-status">${service('shopify')}</dd>
<dt>Sentos</dt><dd id="sentos-status">${service('sentos')}</dd>${last}
<dt>Worker</dt><dd>${running}</dd><dt>Next full sync</dt><dd>${next} (every ${h(duration(options.everyMs))})</dd>
<dt>Queue</dt><dd id="queue-size">${engine.queue.size} job(s)</dd></dl></header>`;
}

function queueSection(engine: ServeEngine, now: number): string {
  const jobs = engine.queue.pending().slice(0, 25);
  const rows = jobs
    .map(
      (job) => `<tr><td>${h(job.orderId)}</td><td>${h(job.topic)}</td><td>${h(ago(job.receivedAtMs, now))}</td></tr>`,
    )
    .join('');
  return `<section id="queue"><h2>Queue</h2>${
    jobs.length
      ? `<table><tr><th>order id</th><th>topic</th><th>received</th></tr>${rows}</table>`
      : '<p>Empty: every accepted webhook has been handled.</p>'
  }</section>`;
}

function runsSection(engine: ServeEngine): string {
  const runs = engine.history.all().slice(-15).reverse();
  const summary = (s?: { created: number; updated: number; unchanged: number; failed: number }) =>
    s ? `${s.created} / ${s.updated} / ${s.unchanged} / ${s.failed}` : '—';
  const rows = runs
    .map(
      (run) =>
        `<tr class="${run.error || run.exitCode !== 0 ? 'warn' : ''}"><td>${h(time(run.startedAt))}</td>` +
        `<td>${h(run.kind)}</td>
<td>${h(duration(run.durationMs))}</td><td>${summary(run.orders)}</td><td>${summary(run.products)}</td>
<td>${run.requests.sentos} / ${run.requests.shopify}</td><td>${run.exitCode}</td><td>${h(run.error ?? '')}</td>` +
        `<td><a href="?run=${encodeURIComponent(run.runId)}#log">${h(run.runId)}</a></td></tr>`,
    )
    .join('');
  return `<section id="runs"><h2>Last runs</h2>${
    runs.length
      ? `<table><tr><th>started</th><th>kind</th><th>took</th><th>orders c/u/=/✗</th><th>products c/u/=/✗</th>` +
        `<th>requests Sentos / Shopify</th><th>exit</th><th>error</th><th>run</th></tr>${rows}</table>`
      : '<p>No run yet.</p>'
  }</section>`;
}

function failuresSection(engine: ServeEngine): string {
  const orders = engine
    .orderFailures()
    .map((f) => ({ key: f.orderName ?? f.shopifyId, message: f.reason, kind: 'order' }));
  const last = engine.history.last('sync')?.failures ?? [];
  const items = [
    ...orders,
    ...last.filter((f) => !orders.some((o) => o.key === f.key)).map((f) => ({ ...f, kind: 'item' })),
  ];
  const rows = items.map((f) => `<tr><td>${h(f.kind)}</td><td>${h(f.key)}</td><td>${h(f.message)}</td></tr>`).join('');
  return `<section id="failures"><h2>Failing and needs attention</h2>${
    items.length ? `<table><tr><th></th><th>item</th><th>reason</th></tr>${rows}</table>` : '<p>Nothing is failing.</p>'
  }</section>`;
}

function logSection(engine: ServeEngine, query: URLSearchParams, now: number): string {
  const filter: LogFilter = { limit: Math.min(Number(query.get('limit')) || 100, 1000) };
  let problem = '';
  const type = query.get('type');
  if (type && (LEVELS as readonly string[]).includes(type)) filter.type = type as LogLevel;
  const since = query.get('since');
  if (since) {
    try {
      filter.sinceMs = Date.parse(parseSince(since, now));
    } catch (error) {
      problem = `since ${since}: ${(error as Error).message}`;
    }
  }
  if (query.get('run')) filter.runId = query.get('run') as string;
  const entries = engine.log.read(filter).reverse();
  const options = ['', ...LEVELS].map((l) => `<option${l === (type ?? '') ? ' selected' : ''}>${l}</option>`).join('');
  return `<section id="log"><h2>Activity log</h2>
<form method="get" action="#log"><label>type <select name="type">${options}</select></label>
<label>since <input name="since" value="${h(since ?? '')}" placeholder="2h, 7d, 2026-11-30"></label>
<label>run <input name="run" value="${h(query.get('run') ?? '')}"></label>
<label>limit <input name="limit" value="${filter.limit}" size="4"></label><button>filter</button></form>
${problem ? `<p class="bad">${h(problem)}</p>` : ''}
<table class="log">${entries.map(logRow).join('')}</table></section>`;
}

function logRow(entry: LogEntry): string {
  return (
    `<tr class="${h(entry.level)}"><td>${h(time(entry.time))}</td><td>${h(entry.level)}</td>` +
    `<td>${h(entry.command)}</td><td>${h(entry.item ?? '')}</td><td>${h(entry.message)}</td></tr>`
  );
}

function time(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 7_200_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

function ago(atMs: number, now: number): string {
  return `${duration(Math.max(0, now - atMs))} ago`;
}
