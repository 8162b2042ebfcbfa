import { createRandom, type Random } from './random.js';

/**
 * Seeded Shopify orders for the sandbox: Turkish customers and addresses, 1–4 lines, 10 % and 20 % KDV,
 * line discounts, shipping, the gateways Turkish shops use, and the awkward cases an order sync must survive
 * (cancelled, refunded, partly refunded, fulfilled with tracking, a EUR presentment order, a line without a
 * SKU). Amounts are integer minor units (kuruş); the simulator formats them. Deterministic by seed.
 */
export interface SeedOrderItem {
  sku: string;
  productId?: string;
  name: string;
  variantTitle?: string;
  /** Dot-decimal, VAT included: "1299.90". */
  price: string;
  /** 0.2 or 20 (both read as 20 %). */
  vatRate: number;
}

export interface SeedAddress {
  firstName: string;
  lastName: string;
  company: string | null;
  address1: string;
  address2: string | null;
  city: string;
  province: string | null;
  provinceCode: string | null;
  zip: string;
  country: string;
  countryCode: string;
  phone: string;
}

export interface SeedOrderLine {
  sku: string | null;
  productId?: string;
  title: string;
  variantTitle: string | null;
  quantity: number;
  unitPriceMinor: number;
  discountPerUnitMinor: number;
  vatRate: number;
  /** An order-level discount's share of this line (all its units), as Shopify allocates it (targetSelection ALL). */
  orderDiscountMinor?: number;
  /** Units taken off by an order edit or returned for an exchange: not in currentQuantity, no refund. */
  removedQuantity?: number;
  /** A gift card sold (isGiftCard; no shipping). */
  giftCard?: boolean;
  /** A tip: no SKU, no variant, no shipping; counted in totalTipReceivedSet. */
  tip?: boolean;
}

export interface SeedShippingLine {
  title: string;
  code: string;
  /** Before discounts; tax included when the order's taxesIncluded. */
  priceMinor: number;
  vatRate: number;
  /** A shipping discount (code or free-shipping promotion) allocated to this line. */
  discountMinor?: number;
}
export interface SeedFulfillment {
  createdAt: string;
  trackingCompany: string;
  trackingNumber: string;
  trackingUrl: string;
  locationName?: string;
}
export interface SeedRefund {
  createdAt: string;
  note: string;
  amountMinor: number;
  lines: Array<{ lineIndex: number; quantity: number }>;
}

export type SeedFinancialStatus = 'PAID' | 'PENDING' | 'AUTHORIZED' | 'REFUNDED' | 'PARTIALLY_REFUNDED' | 'VOIDED';

export interface SeedOrder {
  number: number;
  createdAt: string;
  processedAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  cancelReason: 'CUSTOMER' | 'DECLINED' | 'FRAUD' | 'INVENTORY' | 'OTHER' | 'STAFF' | null;
  closedAt: string | null;
  test: boolean;
  email: string;
  phone: string;
  note: string | null;
  tags: string[];
  currencyCode: string;
  presentmentCurrencyCode: string;
  /** Presentment units per shop-currency unit (1 for TRY orders). */
  presentmentRate: number;
  taxesIncluded: boolean;
  customer: { firstName: string; lastName: string; email: string; phone: string };
  billingAddress: SeedAddress;
  shippingAddress: SeedAddress;
  paymentGatewayNames: string[];
  financialStatus: SeedFinancialStatus;
  lines: SeedOrderLine[];
  shippingLines: SeedShippingLine[];
  fulfillments: SeedFulfillment[];
  refunds: SeedRefund[];
}

export interface GenerateOrdersOptions {
  seed: number;
  count: number;
  items?: readonly SeedOrderItem[];
  locations?: ReadonlyArray<{ id?: string; name: string }>;
  now: Date | number | string;
  /** Order number of the oldest order; names are "#<number>". */
  startNumber?: number;
}

const FIRST = (
  'Ayşe|Mehmet|Fatma|Mustafa|Emine|Ahmet|Zeynep|Hüseyin|Elif|İbrahim|' +
  'Şule|Gökhan|Çağla|Ömer|Özge|Barış|Deniz|Ümit|Merve|Can'
).split('|');
const LAST = (
  'Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Öztürk|Aydın|Özdemir|' +
  'Arslan|Doğan|Kılıç|Çetin|Koç|Kurt|Şimşek|Güneş|Erdoğan'
).split('|');
/** city|province code|zip prefix|districts */
const CITIES = [
  'İstanbul|TR-34|34|Kadıköy,Beşiktaş,Üsküdar,Şişli,Bakırköy',
  'Ankara|TR-06|06|Çankaya,Keçiören,Yenimahalle',
  'İzmir|TR-35|35|Karşıyaka,Bornova,Konak',
  'Bursa|TR-16|16|Nilüfer,Osmangazi',
  'Antalya|TR-07|07|Muratpaşa,Konyaaltı',
  'Eskişehir|TR-26|26|Tepebaşı,Odunpazarı',
];
const STREETS =
  'Atatürk Cad.|Cumhuriyet Cad.|İnönü Sok.|Bağdat Cad.|Gazi Mustafa Kemal Blv.|Kıbrıs Şehitleri Cad.|Çiçek Sok.'.split(
    '|',
  );
const QUARTERS = 'Caferağa|Moda|Bahçelievler|Kızılay|Alsancak|Göztepe|Fenerbahçe|Yeşilyurt'.split('|');
const CARRIERS = [
  ['Yurtiçi Kargo', 'https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code='],
  ['Aras Kargo', 'https://kargotakip.araskargo.com.tr/mainpage.aspx?code='],
  ['MNG Kargo', 'https://www.mngkargo.com.tr/gonderi-takip/?code='],
] as const;
const CARD_GATEWAYS = ['shopify_payments', 'Kredi Kartı', 'manual'];
export const PLACEHOLDER_ITEMS: SeedOrderItem[] = [
  { sku: 'SB-TISORT-BEYAZ-M', name: 'Pamuklu Tişört', variantTitle: 'Beyaz / M', price: '349.90', vatRate: 0.1 },
  { sku: 'SB-KUPA-01', name: 'Seramik Kupa', price: '189.90', vatRate: 0.2 },
  { sku: 'SB-CANTA-SIYAH', name: 'Deri Çanta', variantTitle: 'Siyah', price: '1299.90', vatRate: 0.2 },
  { sku: 'SB-CORAP-3LU', name: "Çorap 3'lü Paket", price: '99.90', vatRate: 0.1 },
];
const HOUR = 3_600_000;

/** Which awkward case order i demonstrates (cycle of ten, so small counts still meet most of them). */
type Scenario = 'paid' | 'fulfilled' | 'cod' | 'cancelled' | 'no-sku' | 'refunded' | 'eur' | 'partial-refund' | 'eft';
const SCENARIOS: Scenario[] = [
  'paid',
  'fulfilled',
  'cod',
  'cancelled',
  'no-sku',
  'refunded',
  'fulfilled',
  'eur',
  'partial-refund',
  'eft',
];

export function generateShopifyOrders(options: GenerateOrdersOptions): SeedOrder[] {
  const random = createRandom(options.seed);
  const items = options.items && options.items.length > 0 ? options.items : PLACEHOLDER_ITEMS;
  const nowMs = new Date(options.now).getTime();
  const drafts = Array.from({ length: options.count }, (_, index) =>
    buildOrder(random, SCENARIOS[index % SCENARIOS.length] as Scenario, items, options, nowMs),
  );
  drafts.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const start = options.startNumber ?? 1001;
  return drafts.map((order, index) => ({ ...order, number: start + index }));
}

function buildOrder(
  random: Random,
  scenario: Scenario,
  items: readonly SeedOrderItem[],
  options: GenerateOrdersOptions,
  nowMs: number,
): SeedOrder {
  const createdMs = nowMs - random.int(1, 120) * HOUR;
  const at = (offsetMs: number) => new Date(Math.min(createdMs + offsetMs, nowMs - 60_000)).toISOString();
  const firstName = random.pick(FIRST);
  const lastName = random.pick(LAST);
  const address =
    scenario === 'eur' ? berlinAddress(random, firstName, lastName) : turkishAddress(random, firstName, lastName);
  const email = `${ascii(firstName)}.${ascii(lastName)}${random.int(1, 99)}@example.com.tr`;
  const lines = buildLines(random, items, scenario);
  const shippingLines = [shippingFor(lines)];
  const gateway =
    scenario === 'cod'
      ? random.pick(['Cash on Delivery (COD)', 'Kapıda Ödeme'])
      : scenario === 'eft'
        ? 'Havale/EFT'
        : random.pick(CARD_GATEWAYS);
  const order: SeedOrder = {
    number: 0,
    createdAt: at(0),
    processedAt: at(0),
    updatedAt: at(random.int(0, 30) * 60_000),
    cancelledAt: null,
    cancelReason: null,
    closedAt: null,
    test: false,
    email,
    phone: address.phone,
    note: random.chance(0.2) ? 'Kapıya bırakabilirsiniz.' : null,
    tags: scenario === 'eur' ? ['yurtdışı'] : [],
    currencyCode: 'TRY',
    presentmentCurrencyCode: scenario === 'eur' ? 'EUR' : 'TRY',
    presentmentRate: scenario === 'eur' ? 0.0232 : 1,
    taxesIncluded: true,
    customer: { firstName, lastName, email, phone: address.phone },
    billingAddress: address,
    shippingAddress: address,
    paymentGatewayNames: [gateway],
    financialStatus: scenario === 'cod' || scenario === 'eft' ? 'PENDING' : 'PAID',
    lines,
    shippingLines,
    fulfillments: [],
    refunds: [],
  };
  applyScenario(random, order, scenario, options, at);
  return order;
}

function applyScenario(
  random: Random,
  order: SeedOrder,
  scenario: Scenario,
  options: GenerateOrdersOptions,
  at: (ms: number) => string,
): void {
  const fulfil = () => {
    const [company, url] = random.pick(CARRIERS);
    const trackingNumber = String(random.int(100_000, 999_999)) + String(random.int(100_000, 999_999));
    const location = options.locations && options.locations.length > 0 ? random.pick(options.locations) : undefined;
    order.fulfillments.push({
      createdAt: at(20 * HOUR),
      trackingCompany: company,
      trackingNumber,
      trackingUrl: url + trackingNumber,
      locationName: location?.name,
    });
    order.updatedAt = at(20 * HOUR);
  };
  const total = orderTotalMinor(order);
  if (scenario === 'fulfilled') {
    fulfil();
    if (random.chance(0.5)) order.closedAt = order.updatedAt;
  }
  if (scenario === 'cancelled') {
    order.cancelledAt = at(2 * HOUR);
    order.cancelReason = 'CUSTOMER';
    order.closedAt = order.cancelledAt;
    order.updatedAt = order.cancelledAt;
    order.refunds.push({
      createdAt: order.cancelledAt,
      note: 'Sipariş iptali',
      amountMinor: total,
      lines: order.lines.map((line, lineIndex) => ({ lineIndex, quantity: line.quantity })),
    });
    order.financialStatus = 'REFUNDED';
  }
  if (scenario === 'refunded') {
    fulfil();
    const refundAt = at(60 * HOUR);
    order.refunds.push({
      createdAt: refundAt,
      note: 'İade: ürün beğenilmedi',
      amountMinor: total,
      lines: order.lines.map((line, lineIndex) => ({ lineIndex, quantity: line.quantity })),
    });
    order.financialStatus = 'REFUNDED';
    order.updatedAt = refundAt;
    order.closedAt = refundAt;
  }
  if (scenario === 'partial-refund') {
    const line = order.lines[0] as SeedOrderLine;
    const refundAt = at(30 * HOUR);
    order.refunds.push({
      createdAt: refundAt,
      note: 'Kısmi iade: hasarlı ürün',
      amountMinor: line.unitPriceMinor - line.discountPerUnitMinor,
      lines: [{ lineIndex: 0, quantity: 1 }],
    });
    order.financialStatus = 'PARTIALLY_REFUNDED';
    order.updatedAt = refundAt;
  }
}

function buildLines(random: Random, items: readonly SeedOrderItem[], scenario: Scenario): SeedOrderLine[] {
  const pool = [...items];
  const count = Math.min(random.int(1, 4), pool.length);
  const lines: SeedOrderLine[] = [];
  for (let i = 0; i < count; i += 1) {
    const item = pool.splice(random.int(0, pool.length - 1), 1)[0] as SeedOrderItem;
    const unitPriceMinor = Math.round(Number(item.price) * 100);
    const quantity = scenario === 'partial-refund' && i === 0 ? 2 : random.int(1, 3);
    lines.push(
      lineOf(item, quantity, unitPriceMinor, {
        discountPerUnitMinor: random.chance(0.25) ? Math.round(unitPriceMinor * 0.1) : 0,
        vatRate: item.vatRate > 1 ? item.vatRate / 100 : item.vatRate,
      }),
    );
  }
  if (scenario === 'no-sku') {
    lines.push({
      sku: null,
      title: 'Hediye Paketi',
      variantTitle: null,
      quantity: 1,
      unitPriceMinor: 2990,
      discountPerUnitMinor: 0,
      vatRate: 0.2,
    });
  }
  return lines;
}

/** Standard cargo, free from 1.000 TL (a common Turkish shop rule). */
/** A Shopify order line of a catalog item, sold at `unitPriceMinor` (no discount, 20 % KDV unless `extra` says). */
export function lineOf(
  item: SeedOrderItem,
  quantity: number,
  unitPriceMinor: number,
  extra: Partial<SeedOrderLine> = {},
): SeedOrderLine {
  return {
    sku: item.sku,
    productId: item.productId,
    title: item.name,
    variantTitle: item.variantTitle ?? null,
    quantity,
    unitPriceMinor,
    discountPerUnitMinor: 0,
    vatRate: 0.2,
    ...extra,
  };
}

export function shippingFor(lines: readonly SeedOrderLine[]): SeedShippingLine {
  const free =
    lines.reduce((sum, line) => sum + (line.unitPriceMinor - line.discountPerUnitMinor) * line.quantity, 0) >= 100_000;
  return free
    ? { title: 'Ücretsiz Kargo', code: 'free', priceMinor: 0, vatRate: 0.2 }
    : { title: 'Standart Kargo', code: 'standard', priceMinor: 4990, vatRate: 0.2 };
}

/** Total the customer paid in the shop currency (prices include KDV). */
export function orderTotalMinor(order: Pick<SeedOrder, 'lines' | 'shippingLines'>): number {
  const lines = order.lines.reduce(
    (sum, line) => sum + (line.unitPriceMinor - line.discountPerUnitMinor) * line.quantity,
    0,
  );
  return lines + order.shippingLines.reduce((sum, line) => sum + line.priceMinor, 0);
}

function turkishAddress(random: Random, firstName: string, lastName: string): SeedAddress {
  const [city = '', provinceCode = '', zipPrefix = '', districts = ''] = random.pick(CITIES).split('|');
  const district = random.pick(districts.split(','));
  return {
    firstName,
    lastName,
    company: random.chance(0.15) ? `${lastName} Tekstil Ltd. Şti.` : null,
    address1: `${random.pick(QUARTERS)} Mah. ${random.pick(STREETS)} No: ${random.int(1, 140)}`,
    address2: `Daire ${random.int(1, 24)}`,
    city: district,
    province: city,
    provinceCode,
    zip: `${zipPrefix}${random.int(100, 999)}`,
    country: 'Türkiye',
    countryCode: 'TR',
    phone: phone(random),
  };
}

function berlinAddress(random: Random, firstName: string, lastName: string): SeedAddress {
  return {
    firstName,
    lastName,
    company: null,
    address1: `Oranienstraße ${random.int(1, 200)}`,
    address2: null,
    city: 'Berlin',
    province: null,
    provinceCode: null,
    zip: `10${random.int(100, 999)}`,
    country: 'Germany',
    countryCode: 'DE',
    phone: phone(random),
  };
}

function phone(random: Random): string {
  const digits = (n: number) => String(random.int(0, 10 ** n - 1)).padStart(n, '0');
  return `+90 5${random.int(30, 59)} ${digits(3)} ${digits(2)} ${digits(2)}`;
}

/** E-mail local parts: Turkish letters transliterated (never locale lower-casing, docs/house-style.md#matching-key). */
function ascii(text: string): string {
  const map: Record<string, string> = {
    ç: 'c',
    ğ: 'g',
    ı: 'i',
    ö: 'o',
    ş: 's',
    ü: 'u',
    Ç: 'c',
    Ğ: 'g',
    İ: 'i',
    Ö: 'o',
    Ş: 's',
    Ü: 'u',
  };
  return [...text].map((char) => map[char] ?? char.toLowerCase()).join('');
}
