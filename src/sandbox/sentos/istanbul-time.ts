/**
 * Sentos timestamps: "YYYY-MM-DD HH:mm:ss" in Turkey local time, no offset
 * (docs/sentos-api.md#base-url-auth-and-transport [V: MSO, SA2]). Türkiye has been on UTC+03:00 all year since 2016 (no
 * DST), so a fixed offset is exact.
 */
const OFFSET_MS = 3 * 60 * 60 * 1000;

export function formatIstanbul(epochMs: number): string {
  return new Date(epochMs + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/;

/**
 * Validates a Sentos date filter or field and returns it in full "YYYY-MM-DD HH:mm:ss" form, so that comparisons are
 * plain string comparisons. A bare date (docs/sentos-api.md#order-lists-and-filters: SA2 and ERPiS send "YYYY-MM-DD")
 * means the start of the day, or its last second when `endOfDay`.
 */
export function normaliseSentosDate(
  text: string,
  options: { allowDateOnly: boolean; endOfDay?: boolean },
): string | undefined {
  const match = PATTERN.exec(text);
  if (!match) return undefined;
  const [, y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = match.map(Number);
  const dateOnly = match[4] === undefined;
  if (dateOnly && !options.allowDateOnly) return undefined;
  const [hh, mm, ss] = dateOnly ? (options.endOfDay ? [23, 59, 59] : [0, 0, 0]) : [h ?? 0, mi ?? 0, s ?? 0];
  const ms = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 0, hh, mm, ss);
  const normal = new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
  const expected = `${match[1]}-${match[2]}-${match[3]} ${pad(hh)}:${pad(mm)}:${pad(ss)}`;
  return normal === expected ? normal : undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
