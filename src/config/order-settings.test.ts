import { describe, expect, it } from 'vitest';
import { findConfigKey } from './keys.js';

describe('order settings a hint names', () => {
  it.each([
    [
      'orders.paymentMap',
      'papara=KREDIKARTI/BANKAKARTI, elden=NAKIT',
      { papara: 'KREDIKARTI/BANKAKARTI', elden: 'NAKIT' },
    ],
    ['orders.orderCodeFrom', 'legacy-id', 'legacy-id'],
    ['orders.foreignCurrency', 'fail', 'fail'],
  ])('%s accepts %s', (key, raw, parsed) => {
    expect(findConfigKey(key)?.parse.parse(raw)).toEqual(parsed);
  });

  it.each([
    ['orders.paymentMap', 'papara=CREDIT_CARD'],
    ['orders.paymentMap', '=NAKIT'],
    ['orders.orderCodeFrom', 'title'],
    ['orders.foreignCurrency', 'convert'],
  ])('%s rejects %s', (key, raw) => {
    expect(findConfigKey(key)?.parse.safeParse(raw).success).toBe(false);
  });
});
