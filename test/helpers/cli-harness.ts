import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { Prompter } from '../../src/cli/prompt.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/server.js';

/**
 * Runs the CLI in-process (the same `main` the bin calls) against a sandbox, capturing stdout, stderr and
 * the exit code. Sentos's one-minute window is scaled down on both sides so rate-limited runs take
 * milliseconds. For real process behaviour (signals, kill -9) spawn the built bin instead (test/e2e).
 */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json<T = any>(): T;
}

export const FAST_WINDOW_MS = 300;
/** The first bulk-export poll: the sandbox finishes an export at once when it has no latency model. */
export const FAST_BULK_POLL_MS = 5;

export async function runCli(
  args: string[],
  env: Record<string, string>,
  options: { signal?: AbortSignal; prompter?: Prompter; interactive?: boolean } = {},
): Promise<CliRun> {
  const stdout = capture();
  const stderr = capture();
  const previous = process.exitCode;
  const code = await main(['node', 'sentos-sync', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdout: stdout.stream,
    stderr: stderr.stream,
    signal: options.signal,
    prompter: options.prompter,
    interactive: options.interactive,
  });
  process.exitCode = previous;
  const out = stdout.text();
  return { code, stdout: out, stderr: stderr.text(), json: () => JSON.parse(out) };
}

function capture() {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean };
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

export interface TestSandbox {
  sandbox: Sandbox;
  /** The environment that points the CLI at the sandbox, with a private home folder. */
  env: Record<string, string>;
  home: string;
  close(): Promise<void>;
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({
    ...options,
    sentos: { ...options.sentos, limits: { windowMs: FAST_WINDOW_MS, ...options.sentos?.limits } },
  });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sentos-sync-test-'));
  const env = {
    ...sandbox.env,
    SENTOS_SYNC_HOME: home,
    SENTOS_SYNC_SENTOS_WINDOW_MS: String(FAST_WINDOW_MS),
    SENTOS_SYNC_BULK_POLL_MS: String(FAST_BULK_POLL_MS),
  };
  return {
    sandbox,
    env,
    home,
    close: async () => {
      await sandbox.close();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

/** A prompter that answers from a script, in order, and records every question it was asked. */
export function scriptedPrompter(answers: string[]): Prompter & { questions: string[] } {
  const queue = [...answers];
  const questions: string[] = [];
  const next = (question: string): string => {
    questions.push(question);
    const answer = queue.shift();
    if (answer === undefined) throw new Error(`No scripted answer for "${question}"`);
    return answer;
  };
  return {
    questions,
    ask: (question, options = {}) => {
      const answer = next(question);
      return Promise.resolve(answer === '' ? (options.default ?? '') : answer);
    },
    confirm: (question, defaultYes) => {
      const answer = next(question);
      return Promise.resolve(answer === '' ? defaultYes : answer === 'y');
    },
  };
}
