import { InvalidArgumentError, Option } from 'commander';

/** Option factories shared by products, orders and sync, so the three spell them the same way. */
export const dryRunOption = () => new Option('--dry-run', 'plan and print what would be written; send no write at all');
export const limitOption = () => new Option('--limit <n>', 'test mode: only the first N items').argParser(positiveInt);
export const allOption = () => new Option('--all', 'print every item of the plan (default: the riskiest 25)');
export const outputOption = () =>
  new Option('--output <file>', 'also save the whole plan: plan.txt (text) or plan.json (the --json report)');
export const forceOption = () => new Option('--force', 'write even when the safety guard would stop the run');

export function positiveInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return Number(value);
}

/** "2026-11-20", an ISO time, or a duration back from now: "36h", "7d", "90m". */
export function parseSince(value: string, nowMs: number): string {
  const duration = /^(\d+)([mhd])$/.exec(value.trim());
  if (duration) {
    const unitMs = { m: 60_000, h: 3_600_000, d: 86_400_000 }[duration[2] as 'm' | 'h' | 'd'];
    return new Date(nowMs - Number(duration[1]) * unitMs).toISOString();
  }
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed))
    throw new InvalidArgumentError('expected a date (2026-11-20), an ISO time, or a duration like 36h or 7d');
  return new Date(parsed).toISOString();
}
