/**
 * Money on the wire is a decimal string (docs/shopify-api.md#pitfalls). The simulator keeps amounts as integer minor
 * units (kuruş) and formats them the two ways Shopify does:
 * - `Money` fields such as ProductVariant.price: two decimals, "1299.90";
 * - `MoneyV2.amount` (a `Decimal`): shortest form with at least one decimal, "1299.9", "10.0" [I: observed
 *   Shopify style]. Clients must parse amounts numerically, never compare strings.
 */
const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;
const MONEY_PATTERN = /^-?\d+(\.\d{1,2})?$/;

export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_PATTERN.test(value);
}

export function isMoneyString(value: unknown): value is string {
  return typeof value === 'string' && MONEY_PATTERN.test(value);
}

/** "1299.9" → 129990. Only for strings that passed isMoneyString. */
export function moneyToMinor(value: string): number {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = value.replace('-', '').split('.');
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  return negative ? -minor : minor;
}

export function formatMoney(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(Math.round(minor));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function formatDecimal(minor: number): string {
  const text = formatMoney(minor);
  return text.endsWith('0') ? text.slice(0, -1) : text;
}
