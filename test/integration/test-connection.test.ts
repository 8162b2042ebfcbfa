import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';

describe('test-connection against the sandbox', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ products: 5, orders: 2 });
  });
  afterAll(() => t.close());

  it('reports both APIs connected, with the detected auth method and the warehouses', async () => {
    const run = await runCli(['test-connection', '--json'], t.env);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({
      ok: true,
      results: [
        {
          service: 'shopify',
          ok: true,
          details: { shop: 'Sandbox Mağaza', apiVersion: '2026-10', apiVersionSupported: true },
        },
        {
          service: 'sentos',
          ok: true,
          details: { authMethod: 'basic', warehouses: expect.arrayContaining([{ id: '1', name: 'MERKEZ' }]) },
        },
      ],
    });
  });

  it('fails with a hint and exit code 3 on a wrong Sentos secret, and never prints the secret', async () => {
    const wrong = 'wrong-secret-value-123';
    const run = await runCli(['test-connection'], { ...t.env, SENTOS_API_SECRET: wrong });
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/Sentos\s+Failed ❌/);
    expect(run.stdout).toMatch(/Shopify\s+Connected ✅/);
    expect(run.stdout).toContain('SENTOS_API_SECRET');
    expect(run.stdout + run.stderr).not.toContain(wrong);
    expect(run.stdout + run.stderr).not.toContain(t.env.SENTOS_API_KEY);
  });

  it('fails on a wrong Shopify token without printing it', async () => {
    const wrong = 'shpat_wrong_token_value_0000';
    const run = await runCli(['test-connection', '--json'], { ...t.env, SHOPIFY_ACCESS_TOKEN: wrong });
    expect(run.code).toBe(3);
    expect(run.json().results[0]).toMatchObject({
      service: 'shopify',
      ok: false,
      error: { hint: expect.stringContaining('SHOPIFY_ACCESS_TOKEN') },
    });
    expect(run.stdout + run.stderr).not.toContain(wrong);
  });

  it('names the missing variables when nothing is configured', async () => {
    const run = await runCli(['test-connection'], { SENTOS_SYNC_HOME: t.home });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('missing SHOPIFY_STORE');
    expect(run.stdout).toContain('missing SENTOS_API_URL, SENTOS_API_KEY, SENTOS_API_SECRET');
  });
});
