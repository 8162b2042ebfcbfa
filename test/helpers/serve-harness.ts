import fs from 'node:fs';
import path from 'node:path';
import { createRuntime } from '../../src/cli/runtime.js';
import { serve } from '../../src/serve/start.js';
import { signWebhookBody } from '../../src/sync/serve/verify.js';
import { startTestSandbox, type TestSandbox } from './cli-harness.js';
import type { SandboxOptions } from '../../src/sandbox/server.js';

/**
 * `serve` in-process against a sandbox: the service function the command calls, with its own abort signal,
 * so a test can post webhooks, read the dashboard and stop it as SIGTERM would.
 */
export interface ServeUnderTest {
  t: TestSandbox;
  url: string;
  shopDomain: string;
  secret: string;
  /** The CLI's environment for this sandbox and home (what `runCli` needs to act on the same profile). */
  env: Record<string, string>;
  stop(): Promise<void>;
  /** Resolves once `count` runs of this kind are in the run history (the first full sync runs at start). */
  runs(kind: 'sync' | 'webhooks', count?: number): Promise<void>;
  /** A variant SKU the shop sells (after the first sync created the catalog). */
  aSku(): string;
  /** A delivery signed like Shopify's (or with `secret` to forge one). */
  post(topic: string, payload: unknown, headers?: Record<string, string>, secret?: string): Promise<Response>;
}

export async function startServe(
  options: SandboxOptions = {},
  extra: { env?: Record<string, string>; everyMs?: number; host?: string } = {},
): Promise<ServeUnderTest> {
  const t = await startTestSandbox(options);
  const secret = t.sandbox.shopify.clientSecret;
  const env = { ...t.env, SHOPIFY_WEBHOOK_SECRET: secret, SENTOS_SYNC_RETRY_BASE_MS: '5', ...extra.env };
  const controller = new AbortController();
  const runtime = createRuntime({ quiet: true }, { env, signal: controller.signal });
  let resolveUrl: (info: { url: string; shopDomain: string }) => void = () => undefined;
  const listening = new Promise<{ url: string; shopDomain: string }>((resolve) => (resolveUrl = resolve));
  const running = serve(runtime, {
    host: extra.host ?? '127.0.0.1',
    port: 0,
    everyMs: extra.everyMs ?? 3_600_000,
    onListening: resolveUrl,
  });
  let info: { url: string; shopDomain: string };
  try {
    info = await Promise.race([listening, running.then(() => Promise.reject(new Error('serve ended early')))]);
  } catch (error) {
    await t.close();
    throw error;
  }
  let n = 0;
  return {
    t,
    ...info,
    secret,
    env,
    runs: (kind, count = 1) => until(() => runsOf(t.home, kind) >= count, 30_000, `${count} ${kind} run(s)`),
    aSku: () => {
      const sku = t.sandbox.shopify.state.products.flatMap((p) => p.variants).find((v) => v.sku)?.sku;
      if (!sku) throw new Error('the shop has no product yet: wait for the first sync');
      return sku;
    },
    stop: async () => {
      controller.abort(new Error('SIGTERM'));
      await running;
      await t.close();
    },
    post: (topic, payload, headers = {}, signWith = secret) => {
      const body = JSON.stringify(payload);
      n += 1;
      return fetch(`${info.url}/webhooks/shopify`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-shopify-topic': topic,
          'x-shopify-hmac-sha256': signWebhookBody(body, signWith),
          'x-shopify-shop-domain': info.shopDomain,
          'x-shopify-api-version': '2026-10',
          'x-shopify-webhook-id': `test-webhook-${n}`,
          'x-shopify-event-id': `test-event-${n}`,
          'x-shopify-triggered-at': new Date().toISOString(),
          ...headers,
        },
        body,
      });
    },
  };
}

export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function runsOf(home: string, kind: string): number {
  const file = path.join(home, 'state', 'serve-runs.jsonl');
  if (!fs.existsSync(file)) return 0;
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.includes(`"kind":"${kind}"`)).length;
}
