import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';

/**
 * Local damage is the user's to fix, never "a bug" (exit 70): each damaged file or folder gives exit 2, names
 * the path, and says what to do. One sandbox; each case starts from a clean home and breaks one thing.
 */
interface Case {
  name: string;
  break: (home: string) => void;
  args: string[];
  /** The path the message must name, relative to the home. */
  names: string;
  hint: RegExp;
}

const truncated = (file: string, json: unknown) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = JSON.stringify(json);
  fs.writeFileSync(file, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
};

const cases: Case[] = [
  {
    name: 'a truncated config.json',
    break: (home) =>
      truncated(path.join(home, 'config.json'), { 'products.priceList': 'b2c', 'orders.channelId': '3' }),
    args: ['orders', '--json'],
    names: 'config.json',
    hint: /move it aside .*config set/,
  },
  {
    name: 'a truncated orders checkpoint',
    break: (home) =>
      truncated(path.join(home, 'state', 'orders-checkpoint.json'), {
        updatedAt: '2026-11-30T10:00:00Z',
        orderId: '1',
      }),
    args: ['orders', '--json'],
    names: 'state/orders-checkpoint.json',
    hint: /Move it aside .*or delete it/,
  },
  {
    name: 'a truncated product-links file',
    break: (home) =>
      truncated(path.join(home, 'state', 'product-links.json'), { 1: 'gid://shopify/Product/1', 2: 'gid://x/2' }),
    args: ['products', '--dry-run', '--json'],
    names: 'state/product-links.json',
    hint: /Move it aside .*or delete it/,
  },
  {
    name: 'an empty last-runs file',
    break: (home) => {
      fs.mkdirSync(path.join(home, 'state'), { recursive: true });
      fs.writeFileSync(path.join(home, 'state', 'last-runs.json'), '');
    },
    args: ['status', '--json'],
    names: 'state/last-runs.json',
    hint: /Move it aside .*or delete it/,
  },
  {
    name: 'a state path that is a file',
    break: (home) => fs.writeFileSync(path.join(home, 'state'), 'not a folder'),
    args: ['orders', '--json'],
    names: 'state',
    hint: /Move the file aside|mv /,
  },
  {
    name: 'a locks path that is a file',
    break: (home) => fs.writeFileSync(path.join(home, 'locks'), 'not a folder'),
    args: ['orders', '--json'],
    names: 'locks',
    hint: /Move the file aside|mv /,
  },
];

describe('local damage: exit 2 naming the file, never "a bug"', () => {
  let t: TestSandbox;

  beforeAll(async () => {
    t = await startTestSandbox({ products: 3, orders: 2, seed: 5 });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    for (const entry of fs.readdirSync(t.home)) fs.rmSync(path.join(t.home, entry), { recursive: true, force: true });
  });

  it.each(cases)('$name', async (c) => {
    c.break(t.home);
    const run = await runCli(c.args, t.env);
    const output = run.stdout + run.stderr;
    expect(run.code, output).toBe(2);
    expect(output).not.toMatch(/This is a bug|BugError/);
    const error = JSON.parse(run.stdout).error as { message: string; hint: string };
    expect(error.message).toContain(path.join(t.home, c.names));
    expect(error.hint).toMatch(c.hint);
  });
});
