import fs from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { signWebhookBody } from '../../src/sync/serve/verify.js';
import { startTestSandbox } from '../helpers/cli-harness.js';
import { buildBin, runBin, spawnBin, waitFor, type BuiltBin, type Spawned } from './spawn-bin.js';

/**
 * `serve` as a real process: it holds the profile's locks (a cron `sync` exits 6 and names it), and a kill -9
 * with accepted webhooks still queued loses none of them: the restarted process drains its queue first.
 * Shopify sits behind a switchable proxy so the jobs are provably still queued when the process dies: while
 * it hangs, the worker cannot read the orders.
 */
describe('serve (spawned bin)', () => {
  let built: BuiltBin;
  beforeAll(async () => {
    built = await buildBin();
  });

  it('kill -9 with jobs queued, restart: every accepted webhook reaches Sentos once', async () => {
    const t = await startTestSandbox({ products: 6, orders: 0 });
    const proxy = await switchableProxy(t.sandbox.shopify.url);
    const env = {
      ...t.env,
      SHOPIFY_STORE: proxy.url,
      SHOPIFY_WEBHOOK_SECRET: t.sandbox.shopify.clientSecret,
      SENTOS_SYNC_RETRY_BASE_MS: '5',
    };
    const runsFile = path.join(t.home, 'state', 'serve-runs.jsonl');
    const queueFile = path.join(t.home, 'state', 'serve-queue.jsonl');
    let serve: Spawned | undefined;
    try {
      serve = spawnBin(built.bin, ['serve', '--port', '0', '--every', '1h'], env);
      const url = await listeningUrl(serve);
      await waitFor(
        () => lines(runsFile).some((l) => l.includes('"kind":"sync"')),
        30_000,
        () => serve!.stderr(),
      );

      const cron = await runBin(built.bin, ['sync', '--quiet'], env);
      expect(cron.code).toBe(6);
      expect(cron.stderr).toMatch(/sentos-sync serve/);

      const sku = t.sandbox.shopify.state.products.flatMap((p) => p.variants).find((v) => v.sku)!.sku!;
      const orders = [1, 2, 3, 4].map(() => t.sandbox.shopify.state.placeOrder({ lines: [{ sku, quantity: 1 }] }));
      proxy.hang = true;
      const domain = t.sandbox.shopify.state.store.shop.myshopifyDomain;
      for (const order of orders) {
        const answer = await postWebhook(url, domain, env.SHOPIFY_WEBHOOK_SECRET, order);
        expect(answer).toMatch(/^queued/);
      }
      expect(lines(queueFile).filter((l) => l.includes('"t":"accept"'))).toHaveLength(4);
      expect(lines(queueFile).some((l) => l.includes('"t":"done"'))).toBe(false);
      serve.child.kill('SIGKILL');
      await serve.done;
      expect(t.sandbox.sentos.state.orders).toHaveLength(0);

      proxy.hang = false;
      proxy.releaseHung();
      serve = spawnBin(built.bin, ['serve', '--port', '0', '--every', '1h'], env);
      await listeningUrl(serve);
      const ids = orders.map((o) => String(o.legacyId));
      const copies = () =>
        ids.map((id) => t.sandbox.sentos.state.orders.filter((o) => String(o.order_id) === id).length);
      await waitFor(
        () => copies().every((n) => n === 1),
        30_000,
        () => `${copies().join(',')}\n${serve!.stderr()}`,
      );
      // The queue, not the start-up sync, brought them: the first run after the restart is the webhook batch
      // (the batch killed in flight wrote no line).
      const restartRuns = () => {
        const all = lines(runsFile).map((l) => JSON.parse(l) as { kind: string; pushed: number });
        return all.slice(all.findIndex((r) => r.kind === 'sync') + 1);
      };
      await waitFor(
        () => restartRuns().length > 0,
        30_000,
        () => serve!.stderr(),
      );
      expect(restartRuns()[0]).toMatchObject({ kind: 'webhooks', pushed: 4 });

      serve.child.kill('SIGTERM');
      const stopped = await serve.done;
      expect(stopped.code).toBe(0);
      expect(copies()).toEqual([1, 1, 1, 1]);
    } finally {
      serve?.child.kill('SIGKILL');
      await proxy.close();
      await t.close();
    }
  }, 90_000);
});

function lines(file: string): string[] {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

async function listeningUrl(run: Spawned): Promise<string> {
  await run.waitForStderr(/dashboard (http:\/\/[^\s]+)\//, 30_000);
  return /dashboard (http:\/\/[^\s]+)\//.exec(run.stderr())![1]!;
}

async function postWebhook(
  url: string,
  domain: string,
  secret: string,
  order: { legacyId: number; updatedAt: string },
): Promise<string> {
  const body = JSON.stringify({ id: order.legacyId, updated_at: order.updatedAt });
  const response = await fetch(`${url}/webhooks/shopify`, {
    method: 'POST',
    headers: {
      'x-shopify-topic': 'orders/create',
      'x-shopify-hmac-sha256': signWebhookBody(body, secret),
      'x-shopify-shop-domain': domain,
      'x-shopify-event-id': `e2e-${order.legacyId}`,
    },
    body,
  });
  return response.text();
}

/** Forwards to `target`, or, while `hang` is set, holds every request unanswered. */
async function switchableProxy(target: string) {
  const hung: Array<() => void> = [];
  const state = { hang: false };
  const server: Server = createServer((req, res) => {
    if (state.hang) {
      hung.push(() => res.destroy());
      return;
    }
    const upstream = httpRequest(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get hang() {
      return state.hang;
    },
    set hang(value: boolean) {
      state.hang = value;
    },
    releaseHung: () => hung.splice(0).forEach((drop) => drop()),
    close: () =>
      new Promise<void>((resolve) => {
        hung.splice(0).forEach((drop) => drop());
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
