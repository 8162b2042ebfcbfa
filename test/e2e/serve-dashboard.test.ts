import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startServe, until } from '../helpers/serve-harness.js';

/**
 * The dashboard in a real headless browser: Debian's Chromium (.ci/run installs it), driven by playwright-core.
 * The test skips, saying why, only when Chromium cannot be started on this machine at all.
 * SENTOS_SYNC_DASHBOARD_SCREENSHOT=<file.png> also saves a screenshot of the page.
 */
const CHROMIUM = process.env.SENTOS_SYNC_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function launch(): Promise<{ context?: BrowserContext; reason?: string; profile: string }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sentos-sync-chromium-'));
  if (!fs.existsSync(CHROMIUM)) return { profile, reason: `${CHROMIUM} is not installed (apt-get install chromium)` };
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 1400 },
    });
    return { context, profile };
  } catch (error) {
    return { profile, reason: `Chromium would not start: ${(error as Error).message.split('\n')[0]}` };
  }
}

describe('serve dashboard in headless Chromium', () => {
  it('loads, shows the last run, renders its charts, logs no console error', async (ctx) => {
    const browser = await launch();
    if (!browser.context) {
      console.warn(`SKIPPED the dashboard browser test: ${browser.reason}`);
      fs.rmSync(browser.profile, { recursive: true, force: true });
      ctx.skip();
      return;
    }
    const s = await startServe({ products: 8, orders: 3 });
    try {
      await s.runs('sync');
      const order = s.t.sandbox.shopify.state.placeOrder({ lines: [{ sku: s.aSku(), quantity: 1 }] });
      await s.post('orders/create', { id: order.legacyId, updated_at: order.updatedAt });
      await s.runs('webhooks');
      await until(() => s.t.sandbox.sentos.state.orders.some((o) => String(o.order_id) === String(order.legacyId)));
      const runs = fs
        .readFileSync(path.join(s.t.home, 'state', 'serve-runs.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { runId: string; kind: string });
      const last = runs.at(-1)!;

      const page = await browser.context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      const response = await page.goto(`${s.url}/`);
      expect(response?.status()).toBe(200);
      expect(await page.title()).toMatch(/sentos-sync serve/);
      await expect.poll(() => page.locator('#connection').innerText()).toMatch(/connected/);
      const firstRun = page.locator('#runs tr').nth(1);
      expect(await firstRun.innerText()).toContain(last.runId);
      expect(await firstRun.innerText()).toContain(last.kind);
      for (const chart of ['#chart-durations', '#chart-requests', '#chart-orders', '#chart-latency']) {
        const bars = page.locator(`${chart} svg rect.bar`);
        expect(await bars.count(), chart).toBeGreaterThan(0);
      }
      // Drawn sizes as the browser laid them out (boundingBox is in CSS pixels).
      const boxes = await Promise.all(
        (await page.locator('#chart-requests svg rect.bar').all()).map((r) => r.boundingBox()),
      );
      const tallest = Math.max(...boxes.map((box) => box?.height ?? 0));
      expect(tallest).toBeGreaterThan(10);
      expect(await page.locator('#log tr').count()).toBeGreaterThan(0);
      if (process.env.SENTOS_SYNC_DASHBOARD_SCREENSHOT)
        await page.screenshot({ path: process.env.SENTOS_SYNC_DASHBOARD_SCREENSHOT, fullPage: true });

      // The filters of `logs`: only the chosen level is listed.
      await page.goto(`${s.url}/?type=success#log`);
      const levels = await page.locator('#log tr td:nth-child(2)').allInnerTexts();
      expect(levels.length).toBeGreaterThan(0);
      expect(new Set(levels)).toEqual(new Set(['success']));
      expect(problems).toEqual([]);
    } finally {
      await browser.context.close();
      fs.rmSync(browser.profile, { recursive: true, force: true });
      await s.stop();
    }
  }, 90_000);
});
