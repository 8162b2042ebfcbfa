import type { ChalkInstance } from 'chalk';
import type { ReportItem, RunReport } from '../../sync/report.js';
import { describeOrderChange } from './plan-orders.js';

/**
 * The plan as a person reviews it: per item what changes, old → new, stock by location name, grouped so the
 * riskiest items come first (failures, conflicts, updates that take stock to zero or remove variants, other
 * updates, creates). A dry run prints it before the summary; a real run prints the same lines for what it
 * changed. Unchanged items are only counted.
 */
export interface PlanTextOptions {
  /** Print every item instead of the first `limit`. */
  all: boolean;
  limit?: number;
}

export const DEFAULT_PLAN_ITEMS = 25;

interface Change {
  field: string;
  sku?: string;
  location?: string;
  from?: unknown;
  to?: unknown;
  sentos?: number;
  pending?: number;
  soldDuringRun?: number;
}

export function renderPlan(report: RunReport, c: ChalkInstance, options: PlanTextOptions): string {
  const shown = report.items.filter((i) => i.action !== 'unchanged');
  if (shown.length === 0) return '';
  const ordered = [...shown].sort((a, b) => risk(a) - risk(b) || changeCount(b) - changeCount(a));
  const limit = options.all ? ordered.length : (options.limit ?? DEFAULT_PLAN_ITEMS);
  const verb = report.dryRun ? 'Plan' : 'Changes';
  const lines = [c.bold(`${verb} (${ordered.length} item${ordered.length === 1 ? '' : 's'}, riskiest first):`)];
  for (const item of ordered.slice(0, limit)) lines.push(...renderItem(item, report, c, options.all));
  if (ordered.length > limit)
    lines.push(
      c.dim(`… and ${ordered.length - limit} more: --all prints every item, --output plan.txt saves the whole plan`),
    );
  return lines.join('\n');
}

function risk(item: ReportItem): number {
  if (item.status === 'failed' || item.action === 'invalid' || item.action === 'failed') return 0;
  if (item.action === 'conflict' || item.action === 'needs-attention') return 1;
  if (item.action === 'update' && changesOf(item).some(isDestructive)) return 2;
  if (item.action === 'update') return 3;
  if (item.action === 'create') return 4;
  return 5;
}

function isDestructive(change: Change): boolean {
  return (change.field === 'stock' && change.to === 0 && Number(change.from ?? 0) > 0) || change.to === null;
}

function changeCount(item: ReportItem): number {
  return item.changes?.length ?? 0;
}

const MARKS: Record<string, string> = {
  create: '+',
  update: '~',
  conflict: '!',
  'needs-attention': '⚠',
  invalid: '✖',
  failed: '✖',
  skip: '-',
};

function renderItem(item: ReportItem, report: RunReport, c: ChalkInstance, all: boolean): string[] {
  const action = actionWord(item, report.dryRun);
  const paint =
    item.status === 'failed' || item.action === 'invalid'
      ? c.red
      : item.action === 'conflict' || item.action === 'needs-attention'
        ? c.yellow
        : c.cyan;
  const head =
    `${paint(`${MARKS[item.action] ?? '·'} ${action}`)} ` +
    `${c.bold(item.key)}${item.title ? ` ${c.dim(item.title)}` : ''}`;
  const locations = report.locations ?? {};
  const body =
    report.command === 'orders'
      ? (item.changes ?? []).flatMap((change) => describeOrderChange(change))
      : item.action === 'create'
        ? describeCreate(changesOf(item), locations)
        : changesOf(item).map((change) => describeChange(change, locations));
  const capped =
    all || body.length <= MAX_LINES
      ? body
      : [...body.slice(0, MAX_LINES), c.dim(`… ${body.length - MAX_LINES} more changes (--all)`)];
  const reasons = (item.error ? [item.error.message] : (item.reasons ?? [])).map((r) => c.yellow(`! ${r}`));
  return [head, ...[...capped, ...reasons].map((line) => `    ${line}`)];
}

const MAX_LINES = 15;

/** A new product in one line: how many variants and how many units go to each location. */
function describeCreate(changes: Change[], locations: Readonly<Record<string, string>>): string[] {
  const stock = changes.filter((ch) => ch.field === 'stock');
  const variants = new Set(stock.map((ch) => ch.sku)).size;
  const units = new Map<string, number>();
  for (const ch of stock) {
    const where = ch.location ? (locations[ch.location] ?? ch.location) : '?';
    units.set(where, (units.get(where) ?? 0) + Number(ch.to ?? 0));
  }
  const perLocation = [...units].map(([where, n]) => `${where} ${n}`).join(' · ');
  const others = changes.filter((ch) => ch.field !== 'stock').map((ch) => describeChange(ch, locations));
  return [
    ...(variants > 0 ? [`${variants} variant${variants === 1 ? '' : 's'}; stock ${perLocation || 'none'}`] : []),
    ...others,
  ];
}

export function actionWord(item: ReportItem, dryRun: boolean): string {
  if (item.status === 'failed' || item.action === 'invalid' || item.action === 'failed') return 'failed';
  if (item.action === 'conflict') return 'conflict';
  if (item.action === 'needs-attention') return 'needs attention';
  if (item.action === 'create') return dryRun ? 'would create' : item.status === 'done' ? 'created' : 'not reached';
  if (item.action === 'update') return dryRun ? 'would update' : item.status === 'done' ? 'updated' : 'not reached';
  return item.action;
}

function changesOf(item: ReportItem): Change[] {
  return (item.changes ?? []).filter(
    (c): c is Change => typeof c === 'object' && c !== null && typeof (c as Change).field === 'string',
  );
}

/** "price 1299.90 → 1199.90", "Merkez Depo 11 → 7 (Sentos 7, held 0)". */
export function describeChange(change: Change, locations: Readonly<Record<string, string>>): string {
  const who = change.sku ? `${change.sku} ` : '';
  if (change.field === 'stock') {
    const where = change.location ? (locations[change.location] ?? change.location) : '?';
    const from = typeof change.from === 'number' ? String(change.from) : 'not stocked';
    const why =
      change.sentos === undefined
        ? ' (not in Sentos)'
        : ` (Sentos ${change.sentos}, held ` +
          `${change.pending ?? 0}${change.soldDuringRun ? `, sold during the run ${change.soldDuringRun}` : ''})`;
    return `${who}${where} ${from} → ${show(change.to)}${why}`;
  }
  if (change.field === 'variant') {
    if (change.from === null) return `${who}variant added`;
    if (change.to === null) return `${who}variant removed`;
  }
  return `${who}${change.field}: ${show(change.from)} → ${show(change.to)}`;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(String).join(', ');
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `"${flat.slice(0, 57)}…"` : typeof value === 'string' ? `"${flat}"` : flat;
}
