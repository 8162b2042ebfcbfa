/**
 * Reasons grouped by kind, so a product with hundreds of bad variants reads as one line per kind with a count
 * and the first SKUs, never as hundreds of lines (the report and `--json` stay readable).
 */

/** One problem of one variant: `name` is its SKU (or `#3`), `kind` the message without its own values. */
export interface VariantIssue {
  name: string;
  /** The full message for this variant, e.g. `sale_price "12,3,4" is not a price`. */
  message: string;
  /** What variants with the same problem share, e.g. `sale_price is not a price`. */
  kind: string;
  /** This variant's own value, shown beside its name in a grouped line: `"12,3,4"`. */
  detail?: string;
}

/** Variants named per grouped line before "… and N more". */
export const EXAMPLES_PER_GROUP = 5;
/** Lines a report item carries at most (the rest is summarised in one last line). */
export const MAX_REASON_LINES = 20;

export function groupIssues(issues: VariantIssue[]): string[] {
  const groups = new Map<string, VariantIssue[]>();
  for (const issue of issues) {
    const group = groups.get(issue.kind);
    if (group) group.push(issue);
    else groups.set(issue.kind, [issue]);
  }
  return [...groups.values()].map((group) => {
    const [first] = group as [VariantIssue];
    if (group.length === 1) return `variant ${first.name}: ${first.message}`;
    const same = group.every((i) => i.message === first.message);
    const shown = group.slice(0, EXAMPLES_PER_GROUP).map((i) => (same || !i.detail ? i.name : `${i.name} ${i.detail}`));
    const more = group.length > EXAMPLES_PER_GROUP ? `, … and ${group.length - EXAMPLES_PER_GROUP} more` : '';
    return `${group.length} variants: ${same ? first.message : first.kind} (${shown.join(', ')}${more})`;
  });
}

/**
 * Many lines of one kind that carry no shared variant label (duplicate SKUs, option collisions): kept as they are
 * up to EXAMPLES_PER_GROUP, else one line `headline (first; second; third; … and N more)`.
 */
export function summarizeMany(lines: string[], headline: (count: number) => string): string[] {
  if (lines.length <= EXAMPLES_PER_GROUP) return lines;
  const shown = lines.slice(0, 3).join('; ');
  return [`${headline(lines.length)} (${shown}; … and ${lines.length - 3} more)`];
}

/** A last guard for any list of reasons: at most MAX_REASON_LINES lines, the rest counted in the last one. */
export function capReasons(reasons: string[], max = MAX_REASON_LINES): string[] {
  if (reasons.length <= max) return reasons;
  return [...reasons.slice(0, max - 1), `… and ${reasons.length - max + 1} more reasons`];
}
