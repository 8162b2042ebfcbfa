import { paginate } from '../connection.js';
import type { ResolverMap } from '../context.js';
import type { SubscriptionRecord } from './hub.js';

/**
 * webhookSubscriptionCreate / webhookSubscriptionDelete / webhookSubscriptions, 2026-10 shapes
 * (docs/shopify-api.md#webhooks). Strict where Shopify is: only HTTPS addresses (and loopback http, as the
 * sandbox itself is http on loopback), one subscription per topic and address.
 */
const ALLOWED_HTTP = /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//;

export const webhookResolvers: ResolverMap = {
  QueryRoot: {
    webhookSubscriptions: (_source, args, ctx) => {
      const topics = args.topics as string[] | null | undefined;
      const matching = ctx.webhooks.subscriptions.filter(
        (s) => (!topics?.length || topics.includes(s.topic)) && (!args.uri || s.uri === args.uri),
      );
      const key = (s: SubscriptionRecord): [string | number, number] =>
        args.sortKey === 'ID' ? [s.legacyId, s.legacyId] : [s.createdAt, s.legacyId];
      return paginate(matching, key, args);
    },
    webhookSubscription: (_source, args, ctx) => ctx.webhooks.subscriptions.find((s) => s.id === args.id) ?? null,
  },
  Mutation: {
    webhookSubscriptionCreate: (_source, args, ctx) => {
      const input = args.webhookSubscription as {
        uri?: string | null;
        callbackUrl?: string | null;
        format?: string | null;
        name?: string | null;
      };
      const uri = input.uri ?? input.callbackUrl ?? '';
      const error = (message: string, field: string[]) => ({
        webhookSubscription: null,
        userErrors: [{ field, message }],
      });
      if (!uri) return error("Address can't be blank", ['webhookSubscription', 'uri']);
      if (!uri.startsWith('https://') && !ALLOWED_HTTP.test(uri))
        return error('Address protocol http:// is not supported', ['webhookSubscription', 'uri']);
      if (ctx.webhooks.subscriptions.some((s) => s.topic === args.topic && s.uri === uri))
        return error('Address for this topic has already been taken', ['webhookSubscription', 'uri']);
      const format = input.format === 'XML' ? 'XML' : 'JSON';
      return {
        webhookSubscription: ctx.webhooks.subscribe(args.topic as string, uri, input.name ?? null, format),
        userErrors: [],
      };
    },
    webhookSubscriptionDelete: (_source, args, ctx) =>
      ctx.webhooks.unsubscribe(args.id)
        ? { deletedWebhookSubscriptionId: args.id, userErrors: [] }
        : {
            deletedWebhookSubscriptionId: null,
            userErrors: [{ field: ['id'], message: 'Webhook subscription does not exist' }],
          },
  },
  WebhookSubscription: {
    callbackUrl: (s: SubscriptionRecord) => s.uri,
    endpoint: (s: SubscriptionRecord) => ({ __typename: 'WebhookHttpEndpoint', callbackUrl: s.uri }),
    legacyResourceId: (s: SubscriptionRecord) => String(s.legacyId),
    includeFields: () => [],
    metafieldNamespaces: () => [],
    metafields: () => [],
    filter: () => null,
    apiVersion: (_s: SubscriptionRecord, _args, ctx) => ({
      handle: ctx.version,
      displayName: ctx.version,
      supported: true,
    }),
  },
};
