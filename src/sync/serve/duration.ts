/** "15m", "1h", "90s", "2h30m" → ms; the `--every` of `serve`. Plain numbers are refused (which unit?). */
export function parseDuration(value: string): number {
  const text = value.trim().toLowerCase();
  const parts = [...text.matchAll(/(\d+)(ms|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text)
    throw new Error(`"${value}" is not a duration: use e.g. 15m, 1h, 90s or 1h30m`);
  const unitMs: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  return parts.reduce((sum, p) => sum + Number(p[1]) * (unitMs[p[2] as string] as number), 0);
}
