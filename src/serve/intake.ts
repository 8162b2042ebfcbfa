import type { IncomingMessage } from 'node:http';
import { wakeFor } from '../sync/serve/delivery.js';
import { verifyWebhook } from '../sync/serve/verify.js';
import type { ServeEngine } from './engine.js';

/**
 * POST /webhooks/shopify: verify, decide, queue — all synchronous and local, so the answer comes in
 * milliseconds (Shopify gives up after 5 s, docs/shopify-api.md#webhooks). A bad signature gets 401 and
 * touches nothing; an accepted delivery is fsynced into the queue before the 200.
 */
export interface IntakeDeps {
  engine: ServeEngine;
  /** Client secret and/or static webhook secret: any of them may sign. */
  secrets: readonly string[];
  shopDomain: string;
  now: () => number;
}

/** Refusals are counted in /metrics; the activity log gets at most one line per minute of them. */
const REFUSAL_LOG_EVERY_MS = 60_000;

export function createIntake(deps: IntakeDeps) {
  const { engine } = deps;
  let lastRefusalLogMs = Number.NEGATIVE_INFINITY;
  let refusedSinceLog = 0;
  return (headers: IncomingMessage['headers'], rawBody: Buffer): { status: number; body: string } => {
    const started = performance.now();
    const answer = (outcome: string, status: number, body: string) => {
      engine.metrics.inc('sentos_sync_webhooks_received_total', { outcome });
      engine.metrics.observe('sentos_sync_webhook_response_seconds', (performance.now() - started) / 1000);
      return { status, body };
    };
    const verdict = verifyWebhook({ headers, rawBody, secrets: deps.secrets, shopDomain: deps.shopDomain });
    if (!verdict.ok) {
      refusedSinceLog += 1;
      if (deps.now() - lastRefusalLogMs >= REFUSAL_LOG_EVERY_MS) {
        engine.entry('warn', `webhook refused (${verdict.reason}); ${refusedSinceLog} refused since the last note`);
        lastRefusalLogMs = deps.now();
        refusedSinceLog = 0;
      }
      return answer(verdict.reason, verdict.status, verdict.status === 401 ? 'unauthorized' : 'bad request');
    }
    const { delivery } = verdict;
    const wake = wakeFor(delivery.topic, rawBody);
    // 200 for what we ignore: an error would make Shopify retry it, and delete the subscription after 8 failures.
    if (wake.kind === 'ignore') return answer('ignored', 200, `ignored: ${wake.reason}`);
    const offer = engine.queue.offer({
      orderId: wake.orderId,
      topic: wake.topic,
      updatedAt: wake.updatedAt,
      eventId: delivery.eventId,
      webhookId: delivery.webhookId,
      triggeredAt: delivery.triggeredAt,
    });
    if (!offer.accepted) return answer(offer.reason, 200, `duplicate: ${offer.reason}`);
    engine.notify();
    return answer('queued', 200, `queued ${offer.job.id}`);
  };
}
