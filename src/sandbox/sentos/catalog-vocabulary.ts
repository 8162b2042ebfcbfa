/**
 * Word lists for the seed catalog: a Turkish apparel shop (docs/sentos-api.md#product-shape-and-quirks is the model).
 * Turkish characters (ç ğ ı İ ö ş ü) are everywhere on purpose: the matching key must survive them.
 */
import type { WireCategory, WireSalesChannel, WireWarehouse } from './wire-types.js';

export interface Colour {
  name: string;
  code: string;
}

export const COLOURS: readonly Colour[] = [
  { name: 'Siyah', code: 'SYH' },
  { name: 'Beyaz', code: 'BYZ' },
  { name: 'Kırmızı', code: 'KRM' },
  { name: 'Lacivert', code: 'LCV' },
  { name: 'Bej', code: 'BEJ' },
  { name: 'Haki', code: 'HAK' },
  { name: 'Gri', code: 'GRI' },
  { name: 'Ekru', code: 'EKR' },
  { name: 'Yeşil', code: 'YSL' },
  { name: 'Pembe', code: 'PMB' },
  { name: 'Açık Mavi', code: 'AMV' },
  { name: 'Kahverengi', code: 'KHV' },
  { name: 'Bordo', code: 'BRD' },
  { name: 'Füme', code: 'FUM' },
];

/** Size runs in their natural (apparel) order; a product takes a contiguous slice. */
export const SIZE_RUNS = {
  apparel: ['XS', 'S', 'M', 'L', 'XL', 'XXL'],
  numeric: ['36', '38', '40', '42', '44'],
  shoes: ['36', '37', '38', '39', '40', '41', '42', '43', '44'],
  kids: ['3 Yaş', '4 Yaş', '5 Yaş', '6 Yaş', '7 Yaş', '8 Yaş'],
} as const;

export type SizeRun = keyof typeof SIZE_RUNS;

export interface ProductKind {
  name: string;
  code: string;
  categoryId: number;
  /** undefined = a simple product (no variants). */
  sizes?: SizeRun;
  /** Sale price range in whole lira. */
  price: readonly [number, number];
  vatRate: number;
}

/** Apparel carries 10 % VAT in Türkiye, accessories 20 %. */
export const VARIANT_KINDS: readonly ProductKind[] = [
  { name: 'Elbise', code: 'ELB', categoryId: 11, sizes: 'apparel', price: [450, 2400], vatRate: 10 },
  { name: 'Gömlek', code: 'GML', categoryId: 12, sizes: 'apparel', price: [300, 1300], vatRate: 10 },
  { name: 'Pantolon', code: 'PNT', categoryId: 13, sizes: 'numeric', price: [400, 1600], vatRate: 10 },
  { name: 'Tişört', code: 'TST', categoryId: 21, sizes: 'apparel', price: [150, 600], vatRate: 10 },
  { name: 'Kazak', code: 'KZK', categoryId: 22, sizes: 'apparel', price: [350, 1500], vatRate: 10 },
  { name: 'Ceket', code: 'CKT', categoryId: 23, sizes: 'numeric', price: [900, 4500], vatRate: 10 },
  { name: 'Etek', code: 'ETK', categoryId: 14, sizes: 'numeric', price: [300, 1100], vatRate: 10 },
  { name: 'Spor Ayakkabı', code: 'AYK', categoryId: 24, sizes: 'shoes', price: [800, 3500], vatRate: 10 },
  { name: 'Eşofman Takımı', code: 'ESF', categoryId: 31, sizes: 'kids', price: [250, 900], vatRate: 10 },
  { name: 'Çocuk Mont', code: 'MNT', categoryId: 32, sizes: 'kids', price: [600, 1900], vatRate: 10 },
];

export const SIMPLE_KINDS: readonly ProductKind[] = [
  { name: 'Deri Kemer', code: 'KMR', categoryId: 41, price: [150, 650], vatRate: 20 },
  { name: 'Omuz Çantası', code: 'CNT', categoryId: 42, price: [400, 2600], vatRate: 20 },
  { name: 'Şapka', code: 'SPK', categoryId: 43, price: [120, 450], vatRate: 20 },
  { name: 'İpek Şal', code: 'SAL', categoryId: 43, price: [250, 1200], vatRate: 20 },
  { name: 'Cüzdan', code: 'CZD', categoryId: 42, price: [200, 900], vatRate: 20 },
];

export const ADJECTIVES: readonly string[] = [
  'Kruvaze Yaka',
  'Oversize',
  'Basic',
  'Keten',
  'Triko',
  'Dik Yaka',
  'Çizgili',
  'Düğmeli',
  'Yüksek Bel',
  'Saten',
  'Örme',
  'Kapüşonlu',
  'Şerit Detaylı',
  'İspanyol Paça',
  'Büzgülü',
  'Ağır Gramajlı',
  'Işıltılı',
];

export const BRANDS: readonly (string | null)[] = [
  'Stil Demo',
  'Moda Sokağı',
  'Özgür Tekstil',
  'Kuzey Giyim',
  'Işık Butik',
  null,
];

export const BRAND_PREFIX: Readonly<Record<string, string>> = {
  'Stil Demo': 'STD',
  'Moda Sokağı': 'MDS',
  'Özgür Tekstil': 'OZT',
  'Kuzey Giyim': 'KZY',
  'Işık Butik': 'ISK',
};

export const MATERIALS: readonly string[] = [
  '%100 pamuk',
  '%100 viskon',
  '%70 yün %30 akrilik',
  'keten karışımlı',
  'hakiki deri',
  'polyester saten',
];

export const CARE_NOTES: readonly string[] = [
  'Ters çevirerek 30 °C’de yıkayınız.',
  'Kuru temizleme önerilir.',
  'Çamaşır suyu kullanmayınız.',
  'Düşük ısıda ütüleyiniz.',
  'Gölgede kurutunuz; doğrudan güneş ışığına maruz bırakmayınız.',
];

/**
 * Price-list keys: lower-case platform slugs (docs/sentos-api.md#prices: key names unverified, keep them configurable).
 */
export const PRICE_KEYS: readonly string[] = ['b2c', 'trendyol', 'hepsiburada', 'n11'];

export const WAREHOUSES: readonly WireWarehouse[] = [
  { id: 1, name: 'MERKEZ' },
  { id: 2, name: 'DEPO' },
  { id: 3, name: 'MAGAZA' },
];

export const SALES_CHANNELS: readonly WireSalesChannel[] = [
  { id: 1, name: 'B2C Web' },
  { id: 2, name: 'Trendyol' },
  { id: 3, name: 'Shopify' },
  { id: 4, name: 'Mağaza (Perakende)' },
];

function leaf(id: number, name: string, parent: number): WireCategory {
  return { id, name, parent_id: parent, sub_categories: [] };
}

/** A fresh copy each call: callers may mutate their catalog. */
export function categoryTree(): WireCategory[] {
  return [
    {
      id: 1,
      name: 'Kadın',
      parent_id: 0,
      sub_categories: [
        leaf(11, 'Elbise', 1),
        leaf(12, 'Gömlek & Bluz', 1),
        leaf(13, 'Pantolon', 1),
        leaf(14, 'Etek', 1),
      ],
    },
    {
      id: 2,
      name: 'Erkek',
      parent_id: 0,
      sub_categories: [
        leaf(21, 'Tişört', 2),
        leaf(22, 'Kazak & Hırka', 2),
        leaf(23, 'Ceket', 2),
        leaf(24, 'Ayakkabı', 2),
      ],
    },
    { id: 3, name: 'Çocuk', parent_id: 0, sub_categories: [leaf(31, 'Eşofman', 3), leaf(32, 'Dış Giyim', 3)] },
    {
      id: 4,
      name: 'Aksesuar',
      parent_id: 0,
      sub_categories: [leaf(41, 'Kemer', 4), leaf(42, 'Çanta & Cüzdan', 4), leaf(43, 'Şapka & Şal', 4)],
    },
  ];
}
