import { ConfigError, UsageError } from '../core/errors.js';
import { isLoopback } from '../core/http/loopback.js';
import { acquireLock, type Lock } from '../core/lock.js';
import type { Runtime } from '../cli/runtime.js';
import { rememberAuth, sentosClientFor, shopifyClientFor } from '../cli/services.js';
import { SUBSCRIBED_TOPICS } from '../sync/serve/delivery.js';
import { renderDashboard } from './dashboard/page.js';
import { ServeEngine } from './engine.js';
import { listen, type Listening } from './http-server.js';
import { createIntake } from './intake.js';

/**
 * `serve` as a service: take every lock of the profile (cron runs exit 6 and say who holds them), build the
 * clients once, learn the shop's myshopify domain (what X-Shopify-Shop-Domain must say), listen, optionally
 * register the webhooks at --public-url, then run the engine until the runtime's signal stops it.
 */
export interface ServeOptions {
  host: string;
  port: number;
  publicUrl?: string;
  everyMs: number;
  /** Told once listening (the command prints the URL; tests learn the port). */
  onListening?: (info: { url: string; shopDomain: string }) => void;
}

export const SERVE_LOCKS = ['orders', 'products'] as const;
export const WEBHOOK_PATH = '/webhooks/shopify';

export async function serve(runtime: Runtime, options: ServeOptions): Promise<void> {
  const config = runtime.config();
  const secrets = signingSecrets(config.settings.shopify);
  const token = config.settings.serve.dashboardToken;
  if (!isLoopback(options.host) && !token)
    throw new ConfigError(`serve --host ${options.host} exposes the dashboard beyond this machine without a token.`, {
      hint: 'Set serve.dashboardToken (SENTOS_SYNC_DASHBOARD_TOKEN), or keep --host 127.0.0.1 behind a reverse proxy.',
    });
  const publicUrl = options.publicUrl ? webhookUrl(options.publicUrl) : undefined;
  const locks = takeLocks(runtime);
  let listening: Listening | undefined;
  try {
    const sink = () => undefined;
    const sentos = sentosClientFor(runtime, config, sink);
    const shopify = shopifyClientFor(runtime, config, sink);
    const shop = await shopify.getShop();
    const engine = new ServeEngine({ runtime, phase: { runtime, config, sentos, shopify }, everyMs: options.everyMs });
    const intake = createIntake({ engine, secrets, shopDomain: shop.myshopifyDomain, now: () => runtime.clock.now() });
    listening = await listen(
      {
        webhook: intake,
        dashboard: (query) => renderDashboard(engine, { query, shopName: shop.name, everyMs: options.everyMs }),
        health: () => ({
          status: 'ok',
          queue: engine.queue.size,
          lastError: engine.lastError ?? null,
          connection: engine.connection,
        }),
        metrics: () => engine.metrics.render(),
        token,
      },
      options.host,
      options.port,
    );
    engine.entry('info', `serve listening on ${listening.url} (sync every ${Math.round(options.everyMs / 1000)} s)`);
    options.onListening?.({ url: listening.url, shopDomain: shop.myshopifyDomain });
    if (publicUrl) {
      const result = await shopify.registerWebhooks(publicUrl, SUBSCRIBED_TOPICS);
      for (const failed of result.failed)
        engine.entry('error', `webhook ${failed.topic}: ${failed.userErrors.map((e) => e.message).join('; ')}`);
      runtime.output.info(
        `Webhooks at ${publicUrl}: ${result.created.length} created, ${result.existing.length} already there, ` +
          `${result.failed.length} failed.`,
      );
    }
    await engine.run();
    rememberAuth(runtime, config, sentos);
  } finally {
    await listening?.close();
    for (const lock of locks.reverse()) lock.release();
  }
}

function takeLocks(runtime: Runtime): Lock[] {
  const held: Lock[] = [];
  try {
    for (const name of SERVE_LOCKS)
      held.push(acquireLock(runtime.paths.lockDir, name, new Date(runtime.clock.now()), 'sentos-sync serve'));
    return held;
  } catch (error) {
    held.forEach((lock) => lock.release());
    throw error;
  }
}

/** The app's client secret signs app webhooks; a shop on a static token uses the admin page's signing key. */
export function signingSecrets(shopify: { webhookSecret?: string; clientSecret?: string }): string[] {
  const found = [shopify.webhookSecret, shopify.clientSecret].filter((s): s is string => Boolean(s));
  if (found.length === 0)
    throw new ConfigError('serve cannot check webhook signatures: no signing secret is set.', {
      hint:
        'Set SHOPIFY_CLIENT_SECRET (app with client credentials) or SHOPIFY_WEBHOOK_SECRET / ' +
        'shopify.webhookSecret (static token).',
    });
  return found;
}

/** --public-url may be the base (https://sync.example.com) or the full webhook address. */
export function webhookUrl(publicUrl: string): string {
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    throw new UsageError(`--public-url ${publicUrl} is not a URL.`, { hint: 'Give e.g. https://sync.example.com' });
  }
  if (url.protocol !== 'https:' && !isLoopback(url.hostname))
    throw new UsageError(`--public-url ${publicUrl}: Shopify delivers webhooks to HTTPS addresses only.`, {
      hint: 'Put a reverse proxy or a tunnel with TLS in front of serve (see the README, "serve").',
    });
  if (!url.pathname.endsWith(WEBHOOK_PATH)) url.pathname = `${url.pathname.replace(/\/$/, '')}${WEBHOOK_PATH}`;
  return url.toString();
}
