/**
 * Webhook subscriptions of the app (docs/shopify-api.md#webhooks). `register` is idempotent: a topic already
 * subscribed at the same uri is left alone, so `serve --public-url` may call it on every start.
 */
import type { GraphqlTransport } from './graphql.js';
import { WebhookSubscriptionCreate, WebhookSubscriptionDelete, WebhookSubscriptions } from './operations/index.js';
import { paginate } from './paginate.js';
import { toUserErrors, type UserError } from './user-errors.js';

export interface WebhookSubscription {
  id: string;
  topic: string;
  uri: string;
  name?: string;
  createdAt: string;
}

export interface RegisterResult {
  created: WebhookSubscription[];
  existing: WebhookSubscription[];
  failed: Array<{ topic: string; userErrors: UserError[] }>;
}

export async function listWebhookSubscriptions(gql: GraphqlTransport): Promise<WebhookSubscription[]> {
  const all: WebhookSubscription[] = [];
  const pages = paginate(
    async ({ first, after }) => {
      const { data, requestedCost } = await gql.execute(WebhookSubscriptions, { first, after });
      return { items: data.webhookSubscriptions.nodes, pageInfo: data.webhookSubscriptions.pageInfo, requestedCost };
    },
    { first: 100, adaptive: false },
  );
  for await (const page of pages)
    for (const node of page)
      all.push({
        id: node.id,
        topic: node.topic,
        uri: node.uri,
        createdAt: node.createdAt,
        ...(node.name ? { name: node.name } : {}),
      });
  return all;
}

export async function registerWebhooks(
  gql: GraphqlTransport,
  uri: string,
  topics: readonly string[],
  name = 'sentos-sync',
): Promise<RegisterResult> {
  const current = await listWebhookSubscriptions(gql);
  const result: RegisterResult = { created: [], existing: [], failed: [] };
  for (const topic of topics) {
    const found = current.find((s) => s.topic === topic && s.uri === uri);
    if (found) {
      result.existing.push(found);
      continue;
    }
    const { data } = await gql.execute(WebhookSubscriptionCreate, {
      topic,
      webhookSubscription: { uri, format: 'JSON', name },
    });
    const payload = data.webhookSubscriptionCreate;
    const created = payload?.webhookSubscription;
    if (created && (payload?.userErrors.length ?? 0) === 0)
      result.created.push({ id: created.id, topic: created.topic, uri: created.uri, createdAt: created.createdAt });
    else result.failed.push({ topic, userErrors: toUserErrors(payload?.userErrors ?? []) });
  }
  return result;
}

export async function deleteWebhookSubscription(
  gql: GraphqlTransport,
  id: string,
): Promise<{ ok: boolean; userErrors: UserError[] }> {
  const { data } = await gql.execute(WebhookSubscriptionDelete, { id });
  const payload = data.webhookSubscriptionDelete;
  const userErrors = toUserErrors(payload?.userErrors ?? []);
  return { ok: Boolean(payload?.deletedWebhookSubscriptionId) && userErrors.length === 0, userErrors };
}
