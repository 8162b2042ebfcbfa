/**
 * Sentos timestamps are "YYYY-MM-DD HH:mm:ss" in Turkey time with no offset
 * (docs/sentos-api.md#base-url-auth-and-transport [V: MSO, SA2]). Turkey has kept UTC+03:00 all year since 2016, but
 * the conversion goes through the IANA zone anyway so a future rule change arrives with Node's tz data instead of
 * needing a code change. (SCX formats UTC with toISOString, which files late-evening orders under the wrong day.)
 */

export const SENTOS_TIME_ZONE = 'Europe/Istanbul';

let formatter: Intl.DateTimeFormat | undefined;

function istanbulFormatter(): Intl.DateTimeFormat {
  formatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: SENTOS_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return formatter;
}

/** "2026-11-27T21:30:00Z" → "2026-11-28 00:30:00". Undefined for text that is not a time. */
export function toSentosDateTime(iso: string): string | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const parts: Record<string, string> = {};
  for (const part of istanbulFormatter().formatToParts(ms)) parts[part.type] = part.value;
  const { year, month, day, hour, minute, second } = parts;
  return `${year}-${month}-${day} ${hour}:${minute}:${second}`;
}
