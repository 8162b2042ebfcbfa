import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

/**
 * e2e tests run the BUILT bin as a user would (docs/house-style.md#12-four-test-tiers). Under `npm test`, which has
 * just built the package, that is the package's own bin/ and dist/. Otherwise it is built once per vitest
 * run, into the folder global-setup.ts provides, by the first e2e file that asks; the others wait for it. Not into
 * the shared dist/: `npx tsup` there could race with another build (tsup cleans dist/ first), and building only the
 * CLI entry keeps it under a second. The folder mirrors the package layout (bin/, dist/, node_modules and src/
 * linked) so the bin's `../dist/cli/main.js` import and the sandbox's schema lookup resolve exactly as in the
 * package. The files only read it (each gives the bin its own home).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BuiltBin {
  bin: string;
}

export async function buildBin(): Promise<BuiltBin> {
  // `npm test` has just built dist/ (global-setup.ts): its bin is the package as shipped, so run that, unless a
  // source changed since (then it could be stale, and the files build their own as below).
  if (inject('e2ePrebuilt') && builtAfterSources()) return { bin: path.join(ROOT, 'bin', 'sentos-sync.js') };
  const dir = inject('e2eBinDir');
  const bin = path.join(dir, 'bin', 'sentos-sync.js');
  const ready = path.join(dir, 'ready');
  const failed = path.join(dir, 'failed');
  try {
    fs.mkdirSync(path.join(dir, 'building')); // atomic: exactly one file of the run builds
  } catch {
    await waitFor(
      () => fs.existsSync(ready) || fs.existsSync(failed),
      60_000,
      () => 'the e2e bin build never finished',
    );
    if (fs.existsSync(failed)) throw new Error(`the e2e bin build failed: ${fs.readFileSync(failed, 'utf8')}`);
    return { bin };
  }
  try {
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.copyFileSync(path.join(ROOT, 'bin', 'sentos-sync.js'), bin);
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'sentos-sync-e2e', type: 'module' }));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    fs.symlinkSync(path.join(ROOT, 'src'), path.join(dir, 'src'), 'dir');
    execFileSync(
      'npx',
      [
        'tsup',
        '--entry.cli/main',
        'src/cli/main.ts',
        '--out-dir',
        path.join(dir, 'dist'),
        '--no-sourcemap',
        '--silent',
      ],
      { cwd: ROOT, stdio: 'pipe' },
    );
  } catch (error) {
    fs.writeFileSync(failed, String(error));
    throw error;
  }
  fs.writeFileSync(ready, '');
  return { bin };
}

/** True when dist/cli/main.js is newer than every file it is built from (src/, the bin, the build settings). */
function builtAfterSources(): boolean {
  let built: number;
  try {
    built = fs.statSync(path.join(ROOT, 'dist', 'cli', 'main.js')).mtimeMs;
  } catch {
    return false;
  }
  const inputs = ['bin/sentos-sync.js', 'package.json', 'tsup.config.ts', 'tsconfig.json'].map((f) =>
    path.join(ROOT, f),
  );
  for (const entry of fs.readdirSync(path.join(ROOT, 'src'), { recursive: true, withFileTypes: true }))
    if (entry.isFile()) inputs.push(path.join(entry.parentPath, entry.name));
  return inputs.every((file) => !fs.existsSync(file) || fs.statSync(file).mtimeMs <= built);
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Spawned {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once stderr matches (progress goes there), rejects after timeoutMs. */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<void>;
  done: Promise<Finished>;
}

/** Spawns the bin with exactly `env` (plus PATH), stdout and stderr as pipes: what cron sees. */
export function spawnBin(bin: string, args: string[], env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const done = new Promise<Finished>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout: out, stderr: err })),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    done,
    waitForStderr: (pattern, timeoutMs = 15_000) =>
      waitFor(
        () => pattern.test(err),
        timeoutMs,
        () => `stderr never matched ${pattern}:\n${err}`,
      ),
  };
}

export async function runBin(bin: string, args: string[], env: Record<string, string>): Promise<Finished> {
  return spawnBin(bin, args, env).done;
}

export async function waitFor(
  condition: () => boolean,
  timeoutMs: number,
  describe: () => string = () => 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Runs the bin under a pseudo-terminal (util-linux `script`), for what only a TTY shows: colour, spinners.
 * stdout and stderr arrive merged, as on a screen. Async: the sandbox answering it lives in this process.
 */
export async function runInTty(
  bin: string,
  args: string[],
  env: Record<string, string>,
  size = { columns: 100, rows: 40 },
): Promise<Finished> {
  const quoted = [process.execPath, bin, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  // `script` gives a pty of 0 × 0 when it has no terminal itself: size it like a real window.
  const command = `stty cols ${size.columns} rows ${size.rows}; exec ${quoted}`;
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    env: { PATH: process.env.PATH ?? '', TERM: 'xterm-256color', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout: out, stderr: '' })),
  );
}
