import { describe, expect, it } from 'vitest';
import { foldGatewayName, mapPaymentMethod, paymentMethodForGateway } from './payment.js';
import { DEFAULT_PAYMENT_MAP, SENTOS_PAYMENT_METHODS } from './settings.js';

describe('foldGatewayName', () => {
  it.each([
    ['Kapıda Ödeme', 'kapida odeme'],
    ['KAPIDA ÖDEME', 'kapida odeme'],
    ['İYZİCO', 'iyzico'],
    ['IYZICO', 'iyzico'],
    ['Çağrı Şğü', 'cagri sgu'],
    ['shopify_payments', 'shopify payments'],
    ['Cash on Delivery (COD)', 'cash on delivery cod'],
  ])('%s → %s', (name, expected) => {
    expect(foldGatewayName(name)).toBe(expected);
  });
});

describe('paymentMethodForGateway (default map)', () => {
  it.each([
    ['Kapıda Ödeme', 'KAPIDAODEME/NAKIT'],
    ['KAPIDA ÖDEME - Nakit', 'KAPIDAODEME/NAKIT'],
    ['Cash on Delivery (COD)', 'KAPIDAODEME/NAKIT'],
    ['kapıda kredi kartı', 'KAPIDAODEME/KREDIKARTI'],
    ['Kapıda Ödeme (Kredi Kartı)', 'KAPIDAODEME/KREDIKARTI'],
    ['Havale/EFT', 'EFT/HAVALE'],
    ['Banka Havalesi / EFT', 'EFT/HAVALE'],
    ['bank transfer', 'EFT/HAVALE'],
    ['Bank Deposit', 'EFT/HAVALE'],
    ['shopify_payments', 'KREDIKARTI/BANKAKARTI'],
    ['Kredi Kartı', 'KREDIKARTI/BANKAKARTI'],
    ['İyzico ile Öde', 'KREDIKARTI/BANKAKARTI'],
    ['PayTR', 'KREDIKARTI/BANKAKARTI'],
    ['stripe', 'KREDIKARTI/BANKAKARTI'],
    ['PayPal Express Checkout', 'KREDIKARTI/BANKAKARTI'],
    ['Cash', 'NAKIT'],
    ['Nakit', 'NAKIT'],
    ['manual', undefined],
    ['Codename Pay', undefined], // "cod" only as a whole word
  ])('%s → %s', (name, expected) => {
    expect(paymentMethodForGateway(name, DEFAULT_PAYMENT_MAP)).toBe(expected);
  });

  it('maps only to the five accepted values', () => {
    for (const method of Object.values(DEFAULT_PAYMENT_MAP)) expect(SENTOS_PAYMENT_METHODS).toContain(method);
  });
});

describe('mapPaymentMethod', () => {
  it('takes the first gateway the map knows', () => {
    expect(mapPaymentMethod(['gift_card', 'Kapıda Ödeme'], DEFAULT_PAYMENT_MAP, 'KREDIKARTI/BANKAKARTI')).toEqual({
      method: 'KAPIDAODEME/NAKIT',
      gateway: 'Kapıda Ödeme',
    });
  });

  it('falls back to the default without a gateway', () => {
    expect(mapPaymentMethod([], DEFAULT_PAYMENT_MAP, 'EFT/HAVALE')).toEqual({ method: 'EFT/HAVALE' });
  });

  it('lets a merchant add a gateway, written the way the shop spells it', () => {
    const map = { ...DEFAULT_PAYMENT_MAP, 'Mağazada Öde': 'NAKIT' as const };
    expect(mapPaymentMethod(['MAĞAZADA ÖDE'], map, 'KREDIKARTI/BANKAKARTI')).toEqual({
      method: 'NAKIT',
      gateway: 'MAĞAZADA ÖDE',
    });
  });
});
