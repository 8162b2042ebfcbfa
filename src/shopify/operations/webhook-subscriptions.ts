import { z } from 'zod';
import { defineOperation } from './operation.js';
import { pageInfoSchema, userErrorSchema } from './wire.js';

/**
 * Webhook subscriptions, 2026-10 shapes (docs/shopify-api.md#webhooks): the unified `uri` replaced
 * `callbackUrl` (deprecated in input and output), so only `uri` is sent and read.
 */
const subscriptionSchema = z.object({
  id: z.string(),
  topic: z.string(),
  uri: z.string(),
  name: z.string().nullable(),
  format: z.string(),
  createdAt: z.string(),
});

export interface WebhookSubscriptionsVariables {
  first: number;
  after?: string | null;
  topics?: string[];
}

/** Cost ≈ 2 + one per subscription (a handful). */
export const WebhookSubscriptions = defineOperation<WebhookSubscriptionsVariables>()({
  name: 'WebhookSubscriptions',
  kind: 'read',
  document: `
query WebhookSubscriptions($first: Int!, $after: String, $topics: [WebhookSubscriptionTopic!]) {
  webhookSubscriptions(first: $first, after: $after, topics: $topics) {
    nodes { id topic uri name format createdAt }
    pageInfo { hasNextPage endCursor }
  }
}`,
  data: z.object({
    webhookSubscriptions: z.object({ nodes: z.array(subscriptionSchema), pageInfo: pageInfoSchema }),
  }),
});

export interface WebhookSubscriptionCreateVariables {
  topic: string;
  webhookSubscription: { uri: string; format: 'JSON'; name?: string };
}

export const WebhookSubscriptionCreate = defineOperation<WebhookSubscriptionCreateVariables>()({
  name: 'WebhookSubscriptionCreate',
  kind: 'write',
  document: `
mutation WebhookSubscriptionCreate($topic: WebhookSubscriptionTopic!, $webhookSubscription: WebhookSubscriptionInput!) {
  webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {
    webhookSubscription { id topic uri name format createdAt }
    userErrors { field message }
  }
}`,
  data: z.object({
    webhookSubscriptionCreate: z
      .object({ webhookSubscription: subscriptionSchema.nullable(), userErrors: z.array(userErrorSchema) })
      .nullable(),
  }),
});

export const WebhookSubscriptionDelete = defineOperation<{ id: string }>()({
  name: 'WebhookSubscriptionDelete',
  kind: 'write',
  document: `
mutation WebhookSubscriptionDelete($id: ID!) {
  webhookSubscriptionDelete(id: $id) {
    deletedWebhookSubscriptionId
    userErrors { field message }
  }
}`,
  data: z.object({
    webhookSubscriptionDelete: z
      .object({ deletedWebhookSubscriptionId: z.string().nullable(), userErrors: z.array(userErrorSchema) })
      .nullable(),
  }),
});
