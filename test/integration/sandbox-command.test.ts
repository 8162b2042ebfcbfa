import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-harness.js';

/** `sentos-sync sandbox --plan --latency`: a stop already requested makes the command describe itself and end. */
const stopped = () => AbortSignal.abort(new Error('SIGINT'));

describe('sandbox command: plan and latency', () => {
  it('serves the chosen plan and latency model and says so', async () => {
    const run = await runCli(
      ['sandbox', '--json', '--products', '3', '--plan', 'plus', '--latency', 'field'],
      {},
      {
        signal: stopped(),
      },
    );
    expect(run.code).toBe(0);
    const described = JSON.parse(run.stdout.split('\n')[0] ?? '') as { plan: unknown; latency: string };
    expect(described.plan).toEqual({ name: 'plus', maximumAvailable: 20_000, restoreRate: 1_000 });
    expect(described.latency).toMatch(/^latency: field/);
  });

  it('defaults to a Standard shop at loopback speed', async () => {
    const run = await runCli(['sandbox', '--products', '3'], {}, { signal: stopped() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Shopify plan standard: bucket 2000 points restoring 100/s · latency: none');
    expect(run.stdout).toContain('bulk mutations 1000 lines/s');
  });

  it('runs bulk mutations at the --bulk-rate given, and says so', async () => {
    const run = await runCli(['sandbox', '--json', '--products', '3', '--bulk-rate', '50'], {}, { signal: stopped() });
    expect(run.code).toBe(0);
    const described = JSON.parse(run.stdout.split('\n')[0] ?? '') as { bulk: unknown };
    expect(described.bulk).toEqual({ mutationLinesPerSecond: 50 });
  });

  it.each([
    [['--bulk-rate', '0'], /--bulk-rate.*more than 0/s],
    [['--plan', 'gold'], /--plan.*standard, advanced, plus, enterprise/s],
    [['--latency', 'fast'], /none, field or a number of milliseconds/],
  ])('refuses %j', async (flags, message) => {
    const run = await runCli(['sandbox', ...flags], {}, { signal: stopped() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
