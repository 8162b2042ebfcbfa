import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ActivityLog, type LogEntry } from '../../src/core/activity-log.js';
import { runCli, startTestSandbox, type TestSandbox } from '../helpers/cli-harness.js';

const LINE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ (success|error|info|warn) +(products|orders|sync) +\S/;
// eslint-disable-next-line no-control-regex -- matches the ANSI escape (ESC) that colours terminal output
const ANSI = /\u001b\[/;

describe('activity log and `logs`', () => {
  let t: TestSandbox;
  let logFile: string;
  let all: LogEntry[];
  const runIds: Record<string, string> = {};

  beforeAll(async () => {
    // 10 seeded orders include one with a line without a SKU: it fails, so the log has an error entry.
    t = await startTestSandbox({
      products: 6,
      orders: 10,
      shopify: { bucket: { maximumAvailable: 20_000, restoreRate: 1_000 } },
    });
    logFile = path.join(t.home, 'activity.jsonl');
    runIds.products = (await runCli(['products', '--json'], t.env)).json().runId;
    runIds.orders = (await runCli(['orders', '--json'], t.env)).json().runId;
    all = (await runCli(['logs', '--json'], t.env)).json().entries;
  });
  afterAll(() => t.close());

  it('every run appends structured entries: time, run id, command, level, message, item', () => {
    expect(all.length).toBeGreaterThan(10);
    for (const entry of all)
      expect(entry).toMatchObject({
        time: expect.stringMatching(/Z$/),
        runId: expect.any(String),
        command: expect.any(String),
        level: expect.stringMatching(/^(success|error|info|warn)$/),
        message: expect.any(String),
      });
    expect(all[0]).toMatchObject({
      command: 'products',
      level: 'info',
      runId: runIds.products,
      message: `products started (run ${runIds.products})`,
    });
    expect(all).toContainEqual(
      expect.objectContaining({ command: 'products', level: 'success', item: expect.any(String), message: 'created' }),
    );
  });

  it.each([
    ['error', (e: LogEntry) => e.level === 'error'],
    ['success', (e: LogEntry) => e.level === 'success'],
    ['info', (e: LogEntry) => e.level === 'info'],
    ['warn', (e: LogEntry) => e.level === 'warn'],
  ])('--type %s keeps only that level', async (type, keep) => {
    const run = await runCli(['logs', '--json', '--type', type], t.env);
    expect(run.code).toBe(0);
    expect(run.json().entries).toEqual(all.filter(keep));
  });

  it('--type error shows the failed order with its item key', async () => {
    const entries: LogEntry[] = (await runCli(['logs', '--json', '--type', 'error'], t.env)).json().entries;
    expect(entries).toContainEqual(
      expect.objectContaining({
        command: 'orders',
        item: expect.stringMatching(/^#\d+$/),
        message: expect.stringContaining('no SKU'),
      }),
    );
  });

  it('--run keeps one run, --limit the last N', async () => {
    const byRun: LogEntry[] = (await runCli(['logs', '--json', '--run', runIds.orders!], t.env)).json().entries;
    expect(byRun.length).toBeGreaterThan(0);
    expect(byRun).toEqual(all.filter((e) => e.runId === runIds.orders));
    const limited = (await runCli(['logs', '--json', '--limit', '3'], t.env)).json();
    expect(limited).toMatchObject({ file: logFile, count: 3 });
    expect(limited.entries).toEqual(all.slice(-3));
  });

  it('--since takes a duration or a date', async () => {
    const old: LogEntry = {
      time: new Date(Date.now() - 3 * 3_600_000).toISOString(),
      runId: 'old-run',
      command: 'sync',
      level: 'info',
      message: 'an old entry',
    };
    const scratch = `${logFile}.since`;
    fs.copyFileSync(logFile, scratch);
    try {
      new ActivityLog(logFile, 1e6).append(old);
      const since2h: LogEntry[] = (await runCli(['logs', '--json', '--since', '2h'], t.env)).json().entries;
      expect(since2h.map((e) => e.runId)).not.toContain('old-run');
      expect(since2h).toHaveLength(all.length);
      const since4h: LogEntry[] = (await runCli(['logs', '--json', '--since', '4h'], t.env)).json().entries;
      expect(since4h.map((e) => e.runId)).toContain('old-run');
      const future = (await runCli(['logs', '--json', '--since', '2999-01-01'], t.env)).json();
      expect(future).toMatchObject({ count: 0, entries: [] });
      const bad = await runCli(['logs', '--since', 'yesterday-ish'], t.env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--since yesterday-ish');
    } finally {
      fs.renameSync(scratch, logFile);
    }
  });

  it('text: one line per entry `time level command [item] message`, no colour when not a TTY', async () => {
    const run = await runCli(['logs', '--limit', '20'], t.env);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(20);
    for (const line of lines) expect(line).toMatch(LINE);
    expect(run.stdout).not.toMatch(ANSI);
    expect(run.stdout).toMatch(/ error +orders +#\d+ .*no SKU/);
  });

  it('colours the level on a TTY, and not with NO_COLOR', async () => {
    const tty = await ttyRun(['logs', '--type', 'error'], t.env);
    // eslint-disable-next-line no-control-regex -- matches the ANSI escape (ESC) that colours terminal output
    expect(tty).toMatch(/\u001b\[31merror/);
    expect(await ttyRun(['logs', '--type', 'error'], { ...t.env, NO_COLOR: '1' })).not.toMatch(ANSI);
  });

  it('rotation keeps the cap from config `log.maxEntries`', async () => {
    const profile = ['--profile', 'rotation'];
    expect((await runCli([...profile, 'config', 'set', 'log.maxEntries', '7'], t.env)).code).toBe(0);
    await runCli([...profile, 'products'], t.env);
    await runCli([...profile, 'products'], t.env);
    const entries: LogEntry[] = (await runCli([...profile, 'logs', '--json'], t.env)).json().entries;
    expect(entries).toHaveLength(7);
    expect(entries.at(-1)).toMatchObject({
      command: 'products',
      message: expect.stringMatching(/^products: 0 created, 0 updated, 6 unchanged/),
    });
    // The environment overrides the file (precedence: file < env < flag).
    await runCli([...profile, 'products'], { ...t.env, SENTOS_SYNC_LOG_MAX_ENTRIES: '3' });
    expect((await runCli([...profile, 'logs', '--json'], t.env)).json().entries).toHaveLength(3);
  });

  it('--follow prints entries as they are appended (and across a rotation) until stopped', async () => {
    const controller = new AbortController();
    const running = runCli(['logs', '--follow', '--json', '--run', 'follow-run', '--type', 'warn'], t.env, {
      signal: controller.signal,
    });
    const log = new ActivityLog(logFile, 4);
    const entry = (message: string, level: LogEntry['level'] = 'warn', runId = 'follow-run'): LogEntry => ({
      time: new Date().toISOString(),
      runId,
      command: 'sync',
      level,
      message,
    });
    await sleep(400);
    log.append(entry('first'));
    log.append(entry('not this level', 'info'));
    log.append(entry('not this run', 'warn', 'another-run'));
    await sleep(400);
    log.append(entry('second'));
    log.rotate(); // rewrites the file with the last 4 entries: the tail must not repeat or lose any
    log.append(entry('third'));
    await sleep(400);
    controller.abort();
    const run = await running;
    expect(run.code).toBe(0);
    const printed = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as LogEntry);
    expect(printed.map((e) => e.message)).toEqual(['first', 'second', 'third']);
  });
});

async function ttyRun(args: string[], env: Record<string, string>): Promise<string> {
  const stdout = Object.assign(new PassThrough(), { isTTY: true });
  const chunks: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const previous = process.exitCode;
  await main(['node', 'sentos-sync', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdout,
    stderr: new PassThrough(),
    signal: new AbortController().signal,
  });
  process.exitCode = previous;
  return Buffer.concat(chunks).toString('utf8');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
