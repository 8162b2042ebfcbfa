import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startTestSandbox } from '../helpers/cli-harness.js';
import { startServe, until } from '../helpers/serve-harness.js';

const sentosCopies = (s: Awaited<ReturnType<typeof startServe>>, legacyId: number) =>
  s.t.sandbox.sentos.state.orders.filter((o) => String(o.order_id) === String(legacyId)).length;

describe('serve: webhooks wake the orders engine', () => {
  it('a signed orders/create pushes that order to Sentos once; its duplicates and replays change nothing', async () => {
    const s = await startServe({ products: 8, orders: 0 });
    try {
      await s.runs('sync');
      const order = s.t.sandbox.shopify.state.placeOrder({ lines: [{ sku: s.aSku(), quantity: 1 }] });
      const payload = {
        id: order.legacyId,
        admin_graphql_api_id: order.id,
        updated_at: order.updatedAt,
        name: order.name,
      };
      const first = await s.post('orders/create', payload, { 'x-shopify-event-id': 'evt-1' });
      expect(first.status).toBe(200);
      expect(await first.text()).toMatch(/^queued/);
      const replay = await s.post('orders/create', payload, { 'x-shopify-event-id': 'evt-1' });
      expect(await replay.text()).toMatch(/duplicate: duplicate-event/);
      const paid = await s.post('orders/paid', payload);
      expect(await paid.text()).toMatch(/duplicate: not-newer/);
      await until(() => sentosCopies(s, order.legacyId) === 1, 20_000, 'the order in Sentos');
      const metrics = await (await fetch(`${s.url}/metrics`)).text();
      expect(metrics).toMatch(/sentos_sync_webhooks_received_total\{outcome="queued"\} 1/);
      expect(metrics).toMatch(/sentos_sync_webhook_to_sentos_seconds_count 1/);
      expect(sentosCopies(s, order.legacyId)).toBe(1);
    } finally {
      await s.stop();
    }
  });

  it('a forged webhook gets 401 and changes nothing', async () => {
    const s = await startServe({ products: 8, orders: 0 });
    try {
      await s.runs('sync');
      const order = s.t.sandbox.shopify.state.placeOrder({ lines: [{ sku: s.aSku(), quantity: 1 }] });
      const queueFile = path.join(s.t.home, 'state', 'serve-queue.jsonl');
      const before = fs.existsSync(queueFile) ? fs.readFileSync(queueFile, 'utf8') : '';
      const forged = await s.post(
        'orders/create',
        { id: order.legacyId, updated_at: order.updatedAt },
        {},
        'not-the-secret',
      );
      expect(forged.status).toBe(401);
      const unsigned = await s.post('orders/create', { id: order.legacyId }, { 'x-shopify-hmac-sha256': '' });
      expect(unsigned.status).toBe(401);
      expect(fs.existsSync(queueFile) ? fs.readFileSync(queueFile, 'utf8') : '').toBe(before);
      expect(sentosCopies(s, order.legacyId)).toBe(0);
      const health = (await (await fetch(`${s.url}/healthz`)).json()) as { queue: number };
      expect(health.queue).toBe(0);
      const metrics = await (await fetch(`${s.url}/metrics`)).text();
      expect(metrics).toMatch(/outcome="bad-signature"\} 1/);
      expect(metrics).toMatch(/outcome="missing-signature"\} 1/);
    } finally {
      await s.stop();
    }
  });
});

describe('serve: the dashboard off loopback', () => {
  it('refuses to listen beyond localhost without serve.dashboardToken', async () => {
    const refused = await startServe({ products: 2, orders: 0 }, { host: '0.0.0.0' }).catch((error: unknown) => error);
    expect((refused as { hint?: string }).hint).toMatch(/serve\.dashboardToken/);
  });

  it('with a token, the dashboard and /metrics need it; webhooks and /healthz do not', async () => {
    const token = 'dash-token-1234';
    const s = await startServe(
      { products: 2, orders: 0 },
      { host: '0.0.0.0', env: { SENTOS_SYNC_DASHBOARD_TOKEN: token } },
    );
    try {
      const base = s.url.replace('0.0.0.0', '127.0.0.1');
      expect((await fetch(`${base}/`)).status).toBe(401);
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      expect((await fetch(`${base}/?token=wrong`)).status).toBe(401);
      expect((await fetch(`${base}/`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      expect((await fetch(`${base}/metrics?token=${token}`)).status).toBe(200);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      await s.stop();
    }
  });
});

describe('webhooks register | list | delete', () => {
  it('registers the order topics once (a second run finds them), lists and deletes them', async () => {
    const t = await startTestSandbox({ products: 2, orders: 0 });
    try {
      const url = 'https://sync.example.test';
      const first = await runCli(['webhooks', 'register', '--url', url, '--json'], t.env);
      expect(first.code, first.stderr).toBe(0);
      expect(first.json<{ created: Array<{ topic: string; uri: string }> }>().created.map((s) => s.topic)).toEqual([
        'ORDERS_CREATE',
        'ORDERS_UPDATED',
        'ORDERS_CANCELLED',
        'ORDERS_FULFILLED',
        'ORDERS_PAID',
      ]);
      const again = await runCli(['webhooks', 'register', '--url', `${url}/webhooks/shopify`, '--json'], t.env);
      expect(again.json()).toMatchObject({ created: [], failed: [] });
      expect(again.json<{ existing: unknown[] }>().existing).toHaveLength(5);
      expect(t.sandbox.shopify.webhooks.subscriptions.map((s) => s.uri)).toEqual(
        Array(5).fill(`${url}/webhooks/shopify`),
      );
      const listed = await runCli(['webhooks', 'list'], t.env);
      expect(listed.stdout.trim().split('\n')).toHaveLength(5);
      const plainHttp = await runCli(['webhooks', 'register', '--url', 'http://sync.example.test'], t.env);
      expect(plainHttp.code).toBe(2);
      expect(plainHttp.stderr).toMatch(/HTTPS/);
      const deleted = await runCli(['webhooks', 'delete', '--url', url, '--json'], t.env);
      expect(deleted.json()).toEqual({ deleted: 5, failed: 0 });
      expect(t.sandbox.shopify.webhooks.subscriptions).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
