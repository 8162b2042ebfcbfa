/**
 * Money as the simulator writes and reads it. Kept here (not src/core/money.ts) so the sandbox stays an
 * independent oracle of the client's parser. Amounts are integer minor units (kuruş).
 */
import type { WireMoney } from './wire-types.js';

/** The forms Sentos is seen to send (docs/sentos-api.md#product-shape-and-quirks quirk 1). */
export type MoneyStyle = 'tr-thousands' | 'tr-comma' | 'dot' | 'number';

/** "1299.90" */
export function minorToDot(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function groupThousands(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * Formats minor units in one of Sentos's styles. Never yields a dot-only thousands value like "1.220" (read as 1.22 by
 * most clients, docs/sentos-api.md#product-shape-and-quirks): dots only group thousands when a comma decimal follows,
 * and dot decimals always carry two digits.
 */
export function formatMoney(minor: number, style: MoneyStyle): WireMoney {
  const dot = minorToDot(minor);
  const [whole = '0', fraction = '00'] = dot.split('.');
  switch (style) {
    case 'tr-thousands':
      return `${groupThousands(whole)},${fraction}`;
    case 'tr-comma':
      return `${whole},${fraction}`;
    case 'dot':
      return dot;
    case 'number':
      return Number(dot);
  }
}

/**
 * Reads any money the simulator stores or receives: numbers, dot decimals, Turkish strings. The last "."
 * or "," is the decimal separator. Returns undefined when it is not money.
 */
export function parseWireMoney(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value * 100) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!/^-?[\d.,]+$/.test(text)) return undefined;
  const at = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
  const whole = at === -1 ? text : text.slice(0, at);
  const fraction = at === -1 ? '' : text.slice(at + 1);
  const digits = whole.replace(/[.,]/g, '');
  if (!/^-?\d+$/.test(digits) || !/^\d*$/.test(fraction)) return undefined;
  const cents = Number((fraction + '00').slice(0, 2)) + (Number(fraction[2] ?? '0') >= 5 ? 1 : 0);
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(digits)) * 100 + cents);
}
