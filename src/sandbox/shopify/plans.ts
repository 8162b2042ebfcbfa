/**
 * Shopify plans and their GraphQL Admin cost buckets (docs/shopify-api.md#rate-limits-by-plan).
 *
 * Restore rates are documented: Standard 100 points/s, Advanced 200, Plus 1,000, Enterprise (Commerce
 * Components) 2,000 (shopify.dev GraphQL Admin rate limits page). Bucket sizes are not on that page; a
 * captured Standard response reads `maximumAvailable: 2000`, i.e. 20 s of restore, and the larger plans are
 * taken at the same 20 s (our inference, consistent with Plus's 20,000 in third-party captures).
 */
export type ShopifyPlan = 'standard' | 'advanced' | 'plus' | 'enterprise';

export const SHOPIFY_PLANS: readonly ShopifyPlan[] = ['standard', 'advanced', 'plus', 'enterprise'];

export interface BucketSize {
  maximumAvailable: number;
  restoreRate: number;
}

export const PLAN_BUCKETS: Readonly<Record<ShopifyPlan, BucketSize>> = {
  standard: { maximumAvailable: 2_000, restoreRate: 100 },
  advanced: { maximumAvailable: 4_000, restoreRate: 200 },
  plus: { maximumAvailable: 20_000, restoreRate: 1_000 },
  enterprise: { maximumAvailable: 40_000, restoreRate: 2_000 },
};

export function isShopifyPlan(value: string): value is ShopifyPlan {
  return (SHOPIFY_PLANS as readonly string[]).includes(value);
}
