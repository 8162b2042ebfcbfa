import { createHmac, randomUUID } from 'node:crypto';
import { createRandom, type Random } from '../../seed/random.js';
import type { ShopifyStore } from '../state/store.js';
import type { OrderRecord } from '../state/types.js';
import { orderPayload } from './payload.js';

/**
 * Webhook subscriptions and deliveries of the simulated shop, as harsh as Shopify's (docs/shopify-api.md#webhooks):
 * signed with the app's client secret over the raw body, Shopify's headers, at least once. Seeded shares of
 * deliveries are duplicated, delayed, held back until a later one went (out of order) or dropped; a dropped or
 * failed attempt (no 2xx within 5 s) is retried on Shopify's schedule, scaled by `timeScale`.
 * Strictest reading where Shopify's docs are unclear: X-Shopify-Webhook-Id is new on every attempt (third
 * parties disagree whether it is stable), X-Shopify-Event-Id is the same on every copy of one event.
 */
export interface WebhookOptions {
  /** Shares of first attempts, 0..1 each. */
  drop?: number;
  duplicate?: number;
  delay?: number;
  outOfOrder?: number;
  /** Longest extra delay of a delayed delivery (ms, before scaling). Default 60 s. */
  maxDelayMs?: number;
  /** Multiplies every wait (retry schedule, delays): 0.001 turns Shopify's 4 hours into 14 s. Default 1. */
  timeScale?: number;
  seed?: number;
}

export interface SubscriptionRecord {
  id: string;
  legacyId: number;
  topic: string;
  uri: string;
  name: string | null;
  format: 'JSON' | 'XML';
  createdAt: string;
  updatedAt: string;
}

export interface DeliveryRecord {
  eventId: string;
  topic: string;
  uri: string;
  orderId: number;
  attempt: number;
  kind: 'sent' | 'dropped' | 'duplicate';
  status?: number;
  atMs: number;
}

/** 8 retries over about 4 hours, exponential (changelog 2024-09-10 [V: count and span; I: the steps]). */
export const RETRY_SCHEDULE_MS = [10_000, 30_000, 60_000, 300_000, 900_000, 1_800_000, 3_600_000, 7_200_000];
const TIMEOUT_MS = 5_000;

const TOPIC_NAMES: Record<string, string> = {
  ORDERS_CREATE: 'orders/create',
  ORDERS_UPDATED: 'orders/updated',
  ORDERS_CANCELLED: 'orders/cancelled',
  ORDERS_FULFILLED: 'orders/fulfilled',
  ORDERS_PAID: 'orders/paid',
  ORDERS_EDITED: 'orders/edited',
  ORDERS_PARTIALLY_FULFILLED: 'orders/partially_fulfilled',
};

export function topicName(enumValue: string): string {
  return TOPIC_NAMES[enumValue] ?? enumValue.toLowerCase().replace('_', '/');
}

export class WebhookHub {
  readonly subscriptions: SubscriptionRecord[] = [];
  readonly deliveries: DeliveryRecord[] = [];
  private readonly random: Random;
  private readonly timers = new Set<NodeJS.Timeout>();
  private held: Array<() => void> = [];
  private closed = false;
  options: Required<Omit<WebhookOptions, 'seed'>>;

  constructor(
    private readonly store: ShopifyStore,
    private readonly secret: string,
    private readonly apiVersion: string,
    options: WebhookOptions = {},
  ) {
    this.random = createRandom((options.seed ?? 1) ^ 0x0eb0);
    this.options = {
      drop: options.drop ?? 0,
      duplicate: options.duplicate ?? 0,
      delay: options.delay ?? 0,
      outOfOrder: options.outOfOrder ?? 0,
      maxDelayMs: options.maxDelayMs ?? 60_000,
      timeScale: options.timeScale ?? 1,
    };
  }

  /** Change the delivery shares while running (tests and the sandbox command). */
  configure(options: WebhookOptions): void {
    this.options = { ...this.options, ...Object.fromEntries(Object.entries(options).filter(([k]) => k !== 'seed')) };
  }

  subscribe(topic: string, uri: string, name: string | null, format: 'JSON' | 'XML'): SubscriptionRecord {
    const { id, legacyId } = this.store.newId('WebhookSubscription');
    const now = this.store.now();
    const record = { id, legacyId, topic, uri, name, format, createdAt: now, updatedAt: now };
    this.subscriptions.push(record);
    return record;
  }

  unsubscribe(id: string): boolean {
    const index = this.subscriptions.findIndex((s) => s.id === id);
    if (index < 0) return false;
    this.subscriptions.splice(index, 1);
    return true;
  }

  /** An order event: one delivery per subscription of the topic, its body serialised now. */
  emit(topic: string, order: OrderRecord): void {
    const targets = this.subscriptions.filter((s) => topicName(s.topic) === topic);
    if (this.closed || targets.length === 0) return;
    const eventId = randomUUID();
    const triggeredAt = this.store.now();
    const body = JSON.stringify(orderPayload(order, this.store.shop.currencyCode));
    for (const subscription of targets) {
      const delivery = { eventId, topic, uri: subscription.uri, orderId: order.legacyId, triggeredAt, body };
      this.firstAttempt(delivery, subscription);
    }
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.held = [];
  }

  private firstAttempt(delivery: Delivery, subscription: SubscriptionRecord): void {
    const { drop, duplicate, delay, outOfOrder, maxDelayMs } = this.options;
    const send = () => this.attempt(delivery, subscription, 0);
    if (this.random.chance(drop)) {
      this.record(delivery, 0, 'dropped');
      return this.retryLater(delivery, subscription, 0);
    }
    if (this.random.chance(duplicate))
      this.later(this.random.next() * 1_000, () => void this.attempt(delivery, subscription, 0, 'duplicate'));
    if (this.random.chance(outOfOrder)) {
      // Held until the next delivery has gone (or a while has passed): it arrives after a later event.
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        void send();
      };
      this.held.push(release);
      return this.later(maxDelayMs, release);
    }
    if (this.random.chance(delay)) return this.later(this.random.next() * maxDelayMs, () => void send());
    void send();
  }

  private async attempt(
    delivery: Delivery,
    subscription: SubscriptionRecord,
    retry: number,
    kind: 'sent' | 'duplicate' = 'sent',
  ): Promise<void> {
    if (this.closed) return;
    const held = this.held;
    this.held = [];
    let status: number;
    try {
      const response = await fetch(delivery.uri, {
        method: 'POST',
        headers: this.headers(delivery, subscription),
        body: delivery.body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = response.status;
      await response.arrayBuffer();
    } catch {
      status = 0; // refused, reset or timed out: a failed attempt
    }
    held.forEach((release) => release());
    this.record(delivery, retry, kind, status);
    if (kind === 'sent' && (status < 200 || status > 299)) this.retryLater(delivery, subscription, retry);
  }

  private retryLater(delivery: Delivery, subscription: SubscriptionRecord, retry: number): void {
    const wait = RETRY_SCHEDULE_MS[retry];
    if (wait === undefined) return; // 8 retries spent: Shopify gives up on this delivery
    this.later(wait, () => void this.attempt(delivery, subscription, retry + 1));
  }

  private headers(delivery: Delivery, subscription: SubscriptionRecord): Record<string, string> {
    return {
      'content-type': 'application/json',
      'x-shopify-topic': delivery.topic,
      'x-shopify-hmac-sha256': createHmac('sha256', this.secret).update(delivery.body).digest('base64'),
      'x-shopify-shop-domain': this.store.shop.myshopifyDomain,
      'x-shopify-api-version': this.apiVersion,
      'x-shopify-webhook-id': randomUUID(),
      'x-shopify-event-id': delivery.eventId,
      'x-shopify-triggered-at': delivery.triggeredAt,
      ...(subscription.name ? { 'x-shopify-name': subscription.name } : {}),
    };
  }

  private record(delivery: Delivery, attempt: number, kind: DeliveryRecord['kind'], status?: number): void {
    this.deliveries.push({
      eventId: delivery.eventId,
      topic: delivery.topic,
      uri: delivery.uri,
      orderId: delivery.orderId,
      attempt,
      kind,
      ...(status !== undefined ? { status } : {}),
      atMs: Date.now(),
    });
  }

  private later(ms: number, run: () => void): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms * this.options.timeScale);
    timer.unref();
    this.timers.add(timer);
  }
}

interface Delivery {
  eventId: string;
  topic: string;
  uri: string;
  orderId: number;
  triggeredAt: string;
  body: string;
}
