import { CommanderError } from 'commander';
import { ExitCode } from '../core/errors.js';
import type { Output } from './output.js';
import { createProgram } from './program.js';
import type { RuntimeOverrides } from './runtime.js';

/**
 * The entry: parse, run one command, and the ONE top-level catch that renders errors and sets the exit code.
 * First Ctrl-C / SIGTERM asks the running command to stop after the item in flight; a second exits at once.
 */
export async function main(argv: string[], overrides: RuntimeOverrides = {}): Promise<number> {
  if (!overrides.stdout) quietOnClosedPipe();
  const controller = new AbortController();
  const stopSignals = overrides.signal ? undefined : installSignalHandlers(controller);
  const { program, lastRuntime } = createProgram(
    { ...overrides, signal: overrides.signal ?? controller.signal },
    { afterLoad: setAsideLateListeners },
  );
  let code: number;
  try {
    await program.parseAsync(argv);
    code = lastRuntime()?.exitCode ?? ExitCode.ok;
  } catch (error) {
    code = await handleError(error, argv, overrides, lastRuntime()?.output);
  } finally {
    stopSignals?.();
  }
  process.exitCode = code;
  return code;
}

async function handleError(
  error: unknown,
  argv: string[],
  overrides: RuntimeOverrides,
  output: Output | undefined,
): Promise<number> {
  if (error instanceof CommanderError) {
    // Help and version print and exit 0; other commander errors are usage errors (message already printed).
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  // Loaded here, not at start-up: `--help` and `--version` need neither chalk nor the renderer.
  const [{ Output }, { renderError }] = await Promise.all([import('./output.js'), import('./render/error.js')]);
  const fallback = new Output({
    json: argv.includes('--json'),
    quiet: false,
    verbose: argv.includes('--verbose') || argv.includes('-v'),
    color: !argv.includes('--no-color'),
    stdout: overrides.stdout,
    stderr: overrides.stderr,
  });
  return renderError(error, output ?? fallback);
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * conf → atomically → when-exit hooks SIGINT/SIGTERM at import time and, after its clean-up, sends the same
 * signal to this process again: every first Ctrl-C became a second one ("stop at once"). Its clean-up also
 * runs on 'exit', so the listeners found when the first command starts are set aside while commands run and
 * put back when the last one ends (counted, as tests run several commands in one process). Command modules load
 * after parsing starts (program.ts), so listeners they add are set aside the same way once they are loaded.
 */
const handlers = {
  active: 0,
  setAside: [] as Array<readonly [NodeJS.Signals, NodeJS.SignalsListener[]]>,
  ours: new Set<NodeJS.SignalsListener>(),
};

function installSignalHandlers(controller: AbortController): () => void {
  if (handlers.active++ === 0) {
    handlers.setAside = STOP_SIGNALS.map(
      (signal) => [signal, process.rawListeners(signal) as NodeJS.SignalsListener[]] as const,
    );
    for (const signal of STOP_SIGNALS) process.removeAllListeners(signal);
  }
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      process.stderr.write('\nStopped at once.\n');
      process.exit(ExitCode.interrupted);
    }
    // Abort first: the progress bar listens and clears its line, so the notice below is not drawn over.
    controller.abort(new Error(signal));
    process.stderr.write(
      `\n${signal}: finishing the item in flight and saving progress (press Ctrl-C again to stop at once)…\n`,
    );
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  handlers.ours.add(onSignal);
  return () => {
    // Once stopping, keep listening until the process ends: a Ctrl-C while it winds down still exits with 130.
    if (controller.signal.aborted) return;
    handlers.ours.delete(onSignal);
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    if (--handlers.active > 0) return;
    for (const [signal, listeners] of handlers.setAside) for (const listener of listeners) process.on(signal, listener);
    handlers.setAside = [];
  };
}

/** After a command module loaded: set aside the signal listeners its imports added (see above). */
function setAsideLateListeners(): void {
  if (handlers.active === 0) return;
  for (const [signal, setAside] of handlers.setAside) {
    for (const listener of process.rawListeners(signal) as NodeJS.SignalsListener[]) {
      if (handlers.ours.has(listener)) continue;
      process.off(signal, listener);
      setAside.push(listener);
    }
  }
}

/** `sentos-sync … | head` closes stdout early: that is the reader's choice, not a crash. */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') > 0) continue;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}
