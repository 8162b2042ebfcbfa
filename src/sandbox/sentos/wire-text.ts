/**
 * A JSON scalar as text, as the PHP behind Sentos reads a query-string or body field; objects and arrays (never
 * valid in such a field) give the fallback instead of "[object Object]".
 */
export function scalarText(value: unknown, fallback = ''): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return fallback;
}
