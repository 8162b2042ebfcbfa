import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';
import { buildBin, runBin, runInTty, type BuiltBin } from './spawn-bin.js';

const PLUS_BUCKET = { maximumAvailable: 20_000, restoreRate: 1_000 };
/** SGR sequences: colours and styles. */
// eslint-disable-next-line no-control-regex -- matches the ANSI escape (ESC) that colours terminal output
const COLOUR = /\u001b\[\d+(;\d+)*m/;

/** What a person at a terminal sees, on the built bin under a pseudo-terminal. */
describe('terminal output (spawned bin)', () => {
  let built: BuiltBin;
  let t: TestSandbox;
  beforeAll(async () => {
    built = await buildBin();
    t = await startTestSandbox({ products: 6, orders: 2, shopify: { bucket: PLUS_BUCKET } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('colour only on a terminal; NO_COLOR and --no-color turn it off', async () => {
    const coloured = await runInTty(built.bin, ['products', '--dry-run'], t.env);
    expect(coloured.code).toBe(0);
    expect(coloured.stdout).toMatch(COLOUR); // the check can fail: a TTY does get colour
    const noColorEnv = await runInTty(built.bin, ['products', '--dry-run'], { ...t.env, NO_COLOR: '1' });
    expect(noColorEnv.code).toBe(0);
    expect(noColorEnv.stdout).toContain('Products (dry run');
    expect(noColorEnv.stdout).not.toMatch(COLOUR);
    const noColorFlag = await runInTty(built.bin, ['products', '--dry-run', '--no-color'], t.env);
    expect(noColorFlag.code).toBe(0);
    expect(noColorFlag.stdout).not.toMatch(COLOUR);
  });

  it('a terminal that reports no width gets plain progress lines instead of a spinner that never ends', async () => {
    const run = await runInTty(built.bin, ['products', '--dry-run'], t.env, { columns: 0, rows: 0 });
    expect(run.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- matches the ANSI escape (ESC) that colours terminal output
    const screen = run.stdout.replace(/\u001b\[[\d;?]*[A-Za-z]/g, '');
    expect(screen).toContain('Reading the Sentos catalog…');
    expect(screen).toContain('Products (dry run');
  });

  it('demo runs from the built bin, exit 0, one JSON document', async () => {
    const run = await runBin(
      built.bin,
      ['demo', '--products', '5', '--orders', '2', '--window-ms', '300', '--json'],
      {},
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      command: 'demo',
      ok: true,
      // Six steps since the demo ships one order in the Sentos panel and fulfils it in Shopify.
      steps: [{ ok: true }, { ok: true }, { ok: true }, { ok: true }, { ok: true }, { ok: true }],
    });
  });
});
