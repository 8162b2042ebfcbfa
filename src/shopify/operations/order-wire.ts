/**
 * Order selections shared by OrdersPage and OrderLineItemsPage, with their zod schemas (wire casing). Fields follow
 * docs/shopify-api.md#orders, narrowed to what src/shopify/types.ts ShopifyOrder carries.
 */
import { z } from 'zod';
import { moneyBagSchema, pageInfoSchema } from './wire.js';

/** A MoneyBag in both currencies: the money model picks one by `money.source` (docs/shopify-api.md#order-money). */
export const bothMoneySchema = z.object({
  shopMoney: z.object({ amount: z.string() }),
  presentmentMoney: z.object({ amount: z.string() }),
});
const BOTH = '{ shopMoney { amount } presentmentMoney { amount } }';

const taxLineSchema = z.object({
  title: z.string(),
  rate: z.number().nullable(),
  ratePercentage: z.number().nullable(),
  priceSet: bothMoneySchema,
});

const discountAllocationSchema = z.object({
  allocatedAmountSet: bothMoneySchema,
  discountApplication: z.object({ targetType: z.string(), targetSelection: z.string() }),
});
const ALLOCATION = `{ allocatedAmountSet ${BOTH} discountApplication { targetType targetSelection } }`;

/**
 * discountedUnitPriceSet is the unit price after line-level discounts, without order-level or code
 * discounts (schema 2026-10 LineItem description) — what ShopifyLineItem.discountedUnitPrice means. The money model
 * uses originalUnitPriceSet, discountAllocations (line- and order-level, over the original quantity) and the tax
 * lines' priceSet instead (docs/shopify-api.md#order-money).
 * taxLines(first: 3): a line rarely carries more than one or two tax lines (country + region).
 */
export const LINE_ITEM_FIELDS = `
fragment LineItemFields on LineItem {
  id sku name title variantTitle quantity currentQuantity isGiftCard requiresShipping
  variant { id }
  originalUnitPriceSet ${BOTH}
  discountedUnitPriceSet { shopMoney { amount } }
  discountAllocations ${ALLOCATION}
  taxLines(first: 3) { title rate ratePercentage priceSet ${BOTH} }
}`;

/** Order money (docs/shopify-api.md#order-money); shippingLines(first: 5): an order has one, rarely two. */
export const ORDER_MONEY_FIELDS = `
  taxesIncluded
  totalPriceSet ${BOTH}
  currentTotalPriceSet ${BOTH}
  totalTipReceivedSet ${BOTH}
  currentTotalDutiesSet ${BOTH}
  currentTotalAdditionalFeesSet ${BOTH}
  shippingLines(first: 5) {
    nodes {
      title isRemoved
      discountedPriceSet ${BOTH}
      currentDiscountedPriceSet ${BOTH}
      taxLines { title rate ratePercentage priceSet ${BOTH} }
      discountAllocations ${ALLOCATION}
    }
  }`;

export const ADDRESS_FIELDS = `
fragment AddressFields on MailingAddress {
  firstName lastName name company address1 address2 city province provinceCode country countryCodeV2 zip phone
}`;

export const lineItemSchema = z.object({
  id: z.string(),
  sku: z.string().nullable(),
  name: z.string(),
  title: z.string(),
  variantTitle: z.string().nullable(),
  quantity: z.number(),
  currentQuantity: z.number(),
  variant: z.object({ id: z.string() }).nullable(),
  isGiftCard: z.boolean(),
  requiresShipping: z.boolean(),
  originalUnitPriceSet: bothMoneySchema,
  discountedUnitPriceSet: moneyBagSchema,
  discountAllocations: z.array(discountAllocationSchema),
  taxLines: z.array(taxLineSchema),
});

export const lineItemConnectionSchema = z.object({ nodes: z.array(lineItemSchema), pageInfo: pageInfoSchema });

const nullableString = z.string().nullable();

export const addressSchema = z
  .object({
    firstName: nullableString,
    lastName: nullableString,
    name: nullableString,
    company: nullableString,
    address1: nullableString,
    address2: nullableString,
    city: nullableString,
    province: nullableString,
    provinceCode: nullableString,
    country: nullableString,
    countryCodeV2: nullableString,
    zip: nullableString,
    phone: nullableString,
  })
  .nullable();

export const orderSchema = z.object({
  id: z.string(),
  // UnsignedInt64 is serialised as a string (docs/shopify-api.md#shop-and-locations); accept a number from lenient
  // servers.
  legacyResourceId: z.union([z.string(), z.number()]),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  processedAt: z.string(),
  cancelledAt: nullableString,
  cancelReason: nullableString,
  closed: z.boolean(),
  test: z.boolean(),
  displayFinancialStatus: nullableString,
  displayFulfillmentStatus: z.string(),
  currencyCode: z.string(),
  presentmentCurrencyCode: z.string(),
  email: nullableString,
  phone: nullableString,
  note: nullableString,
  paymentGatewayNames: z.array(z.string()),
  customer: z
    .object({
      firstName: nullableString,
      lastName: nullableString,
      defaultEmailAddress: z.object({ emailAddress: z.string() }).nullable(),
      defaultPhoneNumber: z.object({ phoneNumber: z.string() }).nullable(),
    })
    .nullable(),
  billingAddress: addressSchema,
  shippingAddress: addressSchema,
  totalShippingPriceSet: moneyBagSchema,
  taxesIncluded: z.boolean(),
  totalPriceSet: bothMoneySchema,
  currentTotalPriceSet: bothMoneySchema,
  totalTipReceivedSet: bothMoneySchema,
  currentTotalDutiesSet: bothMoneySchema.nullable(),
  currentTotalAdditionalFeesSet: bothMoneySchema.nullable(),
  shippingLines: z.object({
    nodes: z.array(
      z.object({
        title: z.string(),
        isRemoved: z.boolean(),
        discountedPriceSet: bothMoneySchema,
        currentDiscountedPriceSet: bothMoneySchema,
        taxLines: z.array(taxLineSchema),
        discountAllocations: z.array(discountAllocationSchema),
      }),
    ),
  }),
  lineItems: lineItemConnectionSchema,
  fulfillments: z.array(
    z.object({
      status: z.string(),
      trackingInfo: z.array(z.object({ company: nullableString, number: nullableString, url: nullableString })),
    }),
  ),
});

export type WireOrder = z.infer<typeof orderSchema>;
export type WireMoney = z.infer<typeof bothMoneySchema>;
export type WireTaxLine = z.infer<typeof taxLineSchema>;
export type WireAllocation = z.infer<typeof discountAllocationSchema>;
export type WireLineItem = z.infer<typeof lineItemSchema>;
export type WireAddress = z.infer<typeof addressSchema>;
