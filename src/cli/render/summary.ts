import type { ChalkInstance } from 'chalk';
import type { RunReport } from '../../sync/report.js';

/** The human summary: counts, failures with their reasons, and what was sent to each API. */
export function renderSummary(report: RunReport, title: string, c: ChalkInstance): string {
  const s = report.summary;
  // A dry run wrote nothing: its counts are what a real run would do, and say so.
  const would = report.dryRun;
  const rows: Array<[string, number, (t: string) => string]> = [
    [would ? 'Would create' : 'Created', s.created, c.green],
    [would ? 'Would update' : 'Updated', s.updated, c.cyan],
    ['Unchanged', s.unchanged, c.dim],
    ['Skipped', s.skipped, c.yellow],
    ['Conflicts', s.conflicts, c.yellow],
    // Orders a person must bring into line in Sentos: named below, not failures (the exit code stays 0).
    ...(s.needsAttention ? [['Attention', s.needsAttention, c.yellow] as [string, number, (t: string) => string]] : []),
    ['Failed', s.failed, c.red],
    ...(s.notReached > 0 ? [['Not reached', s.notReached, c.yellow] as [string, number, (t: string) => string]] : []),
    ['Total', s.total, c.bold],
  ];
  // Interrupted after writing: counted as created, and said to be unfinished (the next run completes them).
  const drafts = report.items.filter((i) => i.unfinished === 'not-published').length;
  const notes: Record<string, string> =
    drafts > 0 ? { Created: c.yellow(`  (${drafts} written, not yet published)`) } : {};
  const dryRun = report.dryRun ? c.yellow(' (dry run: nothing was written)') : '';
  const heading = `${c.bold(title)}${dryRun}${report.interrupted ? c.yellow(' (interrupted)') : ''}`;
  const lines = [
    heading,
    ...rows.map(
      ([label, count, paint]) => `  ${label.padEnd(12)} ${paint(String(count).padStart(6))}${notes[label] ?? ''}`,
    ),
  ];
  const problems = report.items.filter(
    (i) =>
      i.status === 'failed' ||
      i.status === 'conflict' ||
      i.action === 'invalid' ||
      i.action === 'failed' ||
      i.action === 'needs-attention',
  );
  if (problems.length > 0) {
    lines.push('', c.bold('Needs attention:'));
    for (const item of problems.slice(0, 50)) {
      // A needs-attention item's first reason introduces the differences that follow it.
      const [intro, ...rest] = item.reasons ?? [];
      const reasons = item.action === 'needs-attention' ? `${intro} ${rest.join('; ')}` : item.reasons?.join('; ');
      const why = item.error?.message ?? reasons ?? item.action;
      lines.push(`  ${markOf(item, c)} ${item.key}${item.title ? ` ${c.dim(item.title)}` : ''}: ${why}`);
      if (item.error?.hint) lines.push(`      ${c.cyan('→')} ${item.error.hint}`);
    }
    if (problems.length > 50) lines.push(`  … and ${problems.length - 50} more (use --json for the full list)`);
  }
  for (const warning of report.warnings) lines.push(`${c.yellow('!')} ${warning}`);
  if (report.bulk) {
    const b = report.bulk;
    const ops = b.operations.length;
    const running = b.stillRunning.length ? `, ${b.stillRunning.length} still running` : '';
    lines.push(
      c.dim(
        `Bulk import: ${b.lines} product writes in ${ops} Shopify bulk operation${ops === 1 ? '' : 's'} ` +
          `(${b.written} written, ${b.failed} failed${running})`,
      ),
    );
  }
  const r = report.requests;
  lines.push(
    '',
    c.dim(
      `Requests: Sentos ${r.sentos.reads} reads, ${r.sentos.writes} writes · Shopify ${r.shopify.reads} reads, ` +
        `${r.shopify.writes} writes, cost ${r.shopify.cost ?? 0} · ${(report.durationMs / 1000).toFixed(1)}s`,
    ),
  );
  return lines.join('\n');
}

function markOf(item: RunReport['items'][number], c: ChalkInstance): string {
  if (item.action === 'needs-attention') return c.yellow('⚠');
  return item.status === 'conflict' ? c.yellow('!') : c.red('✖');
}
