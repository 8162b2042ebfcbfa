import { randomBytes } from 'node:crypto';
import { appendLine, readJsonLines, writeFileAtomic } from '../../core/files.js';

/**
 * The durable queue of "push this order now" jobs behind `serve` (docs/decisions/webhooks-wake-never-carry-state.md).
 * An append-only journal: a delivery is accepted only once its line is fsynced (appendLine), before the 200,
 * so kill -9 loses no accepted webhook. Replaying the journal on start gives the pending jobs and the keys
 * already seen. Dedupe (docs/shopify-api.md#webhooks): X-Shopify-Event-Id, X-Shopify-Webhook-Id, and the
 * business key — a delivery whose order updated_at is not newer than one already accepted wakes nothing new,
 * because the job pulls the order's current state anyway.
 */
export interface QueueJob {
  id: string;
  orderId: string;
  topic: string;
  updatedAt?: string;
  receivedAtMs: number;
  /** X-Shopify-Triggered-At in ms, for the webhook-to-Sentos latency. */
  triggeredAtMs?: number;
}

export type JobOutcome = 'pushed' | 'unchanged' | 'failed' | 'skipped' | 'not-found';

type JournalRecord =
  | { t: 'accept'; job: QueueJob; keys: string[] }
  | { t: 'done'; ids: string[]; outcome: JobOutcome; atMs: number }
  | { t: 'seen'; keys: string[]; atMs: number; orders?: Record<string, string> };

export type Offer =
  | { accepted: true; job: QueueJob }
  | { accepted: false; reason: 'duplicate-event' | 'duplicate-delivery' | 'not-newer' };

export interface OfferInput {
  orderId: string;
  topic: string;
  updatedAt?: string;
  eventId?: string;
  webhookId?: string;
  triggeredAt?: string;
}

/** Shopify retries for 4 hours; keep seen ids well past that (docs/shopify-api.md#webhooks). */
export const SEEN_TTL_MS = 48 * 60 * 60_000;

export class WebhookQueue {
  private readonly pendingJobs = new Map<string, QueueJob>();
  /** key → when it was seen (ms). */
  private readonly seen = new Map<string, number>();
  /** order id → newest updated_at accepted. */
  private readonly newest = new Map<string, string>();

  constructor(
    private readonly file: string,
    private readonly now: () => number,
  ) {
    this.replay();
  }

  get size(): number {
    return this.pendingJobs.size;
  }

  /** Pending jobs, oldest first. */
  pending(): QueueJob[] {
    return [...this.pendingJobs.values()];
  }

  offer(input: OfferInput): Offer {
    const atMs = this.now();
    if (input.eventId && this.seen.has(`event:${input.eventId}`)) return { accepted: false, reason: 'duplicate-event' };
    if (input.webhookId && this.seen.has(`webhook:${input.webhookId}`))
      return { accepted: false, reason: 'duplicate-delivery' };
    const keys = [
      ...(input.eventId ? [`event:${input.eventId}`] : []),
      ...(input.webhookId ? [`webhook:${input.webhookId}`] : []),
    ];
    const newest = this.newest.get(input.orderId);
    if (input.updatedAt && newest && !isNewer(input.updatedAt, newest)) {
      // Remember its ids too, so its own retries are told apart cheaply; the line is small.
      if (keys.length) this.write({ t: 'seen', keys, atMs });
      keys.forEach((key) => this.seen.set(key, atMs));
      return { accepted: false, reason: 'not-newer' };
    }
    const triggeredAtMs = input.triggeredAt ? Date.parse(input.triggeredAt) : Number.NaN;
    const job: QueueJob = {
      id: `${atMs.toString(36)}-${randomBytes(4).toString('hex')}`,
      orderId: input.orderId,
      topic: input.topic,
      ...(input.updatedAt ? { updatedAt: input.updatedAt } : {}),
      receivedAtMs: atMs,
      ...(Number.isFinite(triggeredAtMs) ? { triggeredAtMs } : {}),
    };
    this.write({ t: 'accept', job, keys });
    this.apply({ t: 'accept', job, keys }, atMs);
    return { accepted: true, job };
  }

  complete(ids: readonly string[], outcome: JobOutcome): void {
    const known = ids.filter((id) => this.pendingJobs.has(id));
    if (known.length === 0) return;
    const record: JournalRecord = { t: 'done', ids: known, outcome, atMs: this.now() };
    this.write(record);
    this.apply(record, record.atMs);
  }

  /** Rewrites the journal with what is still needed: pending jobs and keys younger than the TTL. */
  compact(): void {
    const atMs = this.now();
    const lines: JournalRecord[] = [];
    const liveKeys = [...this.seen].filter(([, seenAt]) => atMs - seenAt < SEEN_TTL_MS).map(([key]) => key);
    lines.push({ t: 'seen', keys: liveKeys, atMs, orders: Object.fromEntries(this.newest) });
    for (const job of this.pendingJobs.values()) lines.push({ t: 'accept', job, keys: [] });
    writeFileAtomic(this.file, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
  }

  private write(record: JournalRecord): void {
    appendLine(this.file, JSON.stringify(record));
  }

  private replay(): void {
    for (const record of readJsonLines<JournalRecord>(this.file)) this.apply(record, recordTime(record));
  }

  private apply(record: JournalRecord, atMs: number): void {
    if (record.t === 'accept') {
      this.pendingJobs.set(record.job.id, record.job);
      record.keys.forEach((key) => this.seen.set(key, atMs));
      const { orderId, updatedAt } = record.job;
      const newest = this.newest.get(orderId);
      if (updatedAt && (!newest || isNewer(updatedAt, newest))) this.newest.set(orderId, updatedAt);
    } else if (record.t === 'done') {
      record.ids.forEach((id) => this.pendingJobs.delete(id));
    } else {
      record.keys.forEach((key) => this.seen.set(key, atMs));
      for (const [orderId, updatedAt] of Object.entries(record.orders ?? {})) {
        const newest = this.newest.get(orderId);
        if (!newest || isNewer(updatedAt, newest)) this.newest.set(orderId, updatedAt);
      }
    }
  }
}

function recordTime(record: JournalRecord): number {
  return record.t === 'accept' ? record.job.receivedAtMs : record.atMs;
}

/** Compared as instants: Shopify writes offsets (+03:00), so string order is not time order. */
function isNewer(candidate: string, than: string): boolean {
  const a = Date.parse(candidate);
  const b = Date.parse(than);
  return Number.isFinite(a) && Number.isFinite(b) ? a > b : candidate > than;
}
