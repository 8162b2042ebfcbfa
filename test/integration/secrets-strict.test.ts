import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';

/**
 * Secrets never sit in a URL the tool stores or shows: a Sentos or Shopify address with `user:password@` is
 * refused (naming the variable, never repeating the value), and a state file an older version wrote with
 * such a key is cleaned. A secret typed on the command line is stored, with a warning about shell history.
 */
describe('secrets, strictly', () => {
  let t: TestSandbox;
  const withCredentials = (url: string) => url.replace('://', '://sk-user:sk-pass-9876@');
  const authFile = () => path.join(t.home, 'state', 'sentos-auth.json');

  beforeAll(async () => {
    t = await startTestSandbox({ products: 3, orders: 0, seed: 3 });
  });
  afterAll(() => t.close());

  it('refuses a Sentos URL with credentials, naming the variable and not the value', async () => {
    const run = await runCli(['test-connection', '--json'], {
      ...t.env,
      SENTOS_API_URL: withCredentials(t.env.SENTOS_API_URL!),
    });
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toMatch(/SENTOS_API_URL.*credentials/s);
    expect(run.stdout + run.stderr).not.toMatch(/sk-pass-9876|sk-user/);
    expect(fs.existsSync(authFile()) ? fs.readFileSync(authFile(), 'utf8') : '').not.toMatch(/sk-pass/);
  });

  it('config set refuses such a URL too, and stores nothing', async () => {
    const run = await runCli(
      ['config', 'set', 'sentos.apiUrl', 'https://k1:sk-pass-9876@firma.sentos.com.tr/api'],
      t.env,
    );
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).not.toMatch(/sk-pass-9876/);
    const stored = path.join(t.home, 'config.json');
    expect(fs.existsSync(stored) ? fs.readFileSync(stored, 'utf8') : '').not.toMatch(/sk-pass/);
  });

  it('a sentos-auth.json an older version keyed with credentials is cleaned on the next detection', async () => {
    fs.mkdirSync(path.dirname(authFile()), { recursive: true });
    fs.writeFileSync(authFile(), JSON.stringify({ [withCredentials(t.env.SENTOS_API_URL!)]: 'basic' }));
    const run = await runCli(['test-connection', '--json'], t.env);
    expect(run.code).toBe(0);
    const saved = fs.readFileSync(authFile(), 'utf8');
    expect(saved).not.toMatch(/sk-pass|@/);
    expect(JSON.parse(saved)).toEqual({ [t.env.SENTOS_API_URL!]: expect.any(String) });
  });

  it('config set <secret> VALUE warns about shell history and ps; a plain setting does not', async () => {
    const secret = await runCli(['config', 'set', 'sentos.apiSecret', 'typed-secret-1234', '--json'], t.env);
    expect(secret.code).toBe(0);
    expect(secret.stderr).toMatch(/shell history.*`ps`.*sentos-sync config set sentos\.apiSecret`/s);
    expect(secret.stderr).not.toMatch(/typed-secret-1234/);
    const plain = await runCli(['config', 'set', 'products.priceList', 'b2c'], t.env);
    expect(plain.code).toBe(0);
    expect(plain.stderr).not.toMatch(/shell history/);
  });
});
