/**
 * Money is integer minor units (kuruş, cents) everywhere inside the tool; parsed once at the client
 * boundary, formatted once when a request body is built. Never a float in between.
 */

export type Minor = number;

export type MoneyResult = { ok: true; minor: Minor } | { ok: false; raw: string; reason: string };

const SCALE = 2;

/**
 * Parses a plain decimal string with a dot ("19.99", "-4", "1299.9"), as Shopify and JSON send it.
 * Rounds half away from zero past two decimals.
 */
export function parseDotDecimal(raw: string): MoneyResult {
  const text = raw.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return { ok: false, raw, reason: `"${raw}" is not a decimal number` };
  const [, sign, whole = '0', fraction = ''] = match;
  const padded = (fraction + '000').slice(0, SCALE + 1);
  let minor = Number(whole) * 10 ** SCALE + Number(padded.slice(0, SCALE));
  if (Number(padded[SCALE]) >= 5) minor += 1;
  if (!Number.isSafeInteger(minor)) return { ok: false, raw, reason: `"${raw}" is too large` };
  return { ok: true, minor: sign === '-' && minor !== 0 ? -minor : minor };
}

/**
 * Parses Sentos money: Turkish strings ("1.299,90", "220,00"), dot decimals ("220.50") or JSON numbers. The last "." or
 * "," is the decimal separator and the other is a thousands separator (docs/sentos-api.md#product-shape-and-quirks
 * quirk 1, as SAL's DecimalTrConverter decides). A separator followed by exactly three digits with no other separator
 * ("1.220") is ambiguous: read as a decimal like SAL, SA2 and SCX do.
 */
export function parseTurkishMoney(value: unknown): MoneyResult {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, raw: String(value), reason: 'not a finite number' };
    // Numbers arrive as binary floats: go through their shortest decimal text, not through multiplication.
    return parseDotDecimal(numberToPlainString(value));
  }
  if (typeof value !== 'string') return { ok: false, raw: String(value), reason: 'missing' };
  const text = value.trim().replace(/\s|₺|TL$/gi, '');
  if (text === '') return { ok: false, raw: value, reason: 'empty' };
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  const decimalAt = Math.max(lastDot, lastComma);
  if (decimalAt === -1) return relabel(parseDotDecimal(text), value);
  const separator = text[decimalAt];
  const thousands = separator === ',' ? '.' : ',';
  const whole = text.slice(0, decimalAt);
  const fraction = text.slice(decimalAt + 1);
  if (whole.includes(separator as string))
    return { ok: false, raw: value, reason: `"${value}" has more than one decimal separator` };
  if (whole.includes(thousands) && !/^-?\d{1,3}([.,]\d{3})*$/.test(whole)) {
    return { ok: false, raw: value, reason: `"${value}" has misplaced thousands separators` };
  }
  return relabel(parseDotDecimal(`${whole.split(thousands).join('')}.${fraction}`), value);
}

function relabel(result: MoneyResult, raw: string): MoneyResult {
  return result.ok ? result : { ok: false, raw, reason: `"${raw}" is not a price` };
}

function numberToPlainString(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(SCALE + 1);
}

/** "1299.90": the wire form Shopify's Money scalar and Sentos's JSON number bodies both accept. */
export function formatMinor(minor: Minor): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 10 ** SCALE);
  const fraction = String(abs % 10 ** SCALE).padStart(SCALE, '0');
  return `${sign}${whole}.${fraction}`;
}

/**
 * For Sentos bodies, which take JSON numbers (docs/sentos-api.md#product-shape-and-quirks: "the API accepts numbers on
 * write").
 */
export function minorToNumber(minor: Minor): number {
  return Number(formatMinor(minor));
}
