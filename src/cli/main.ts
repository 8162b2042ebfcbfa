import { CommanderError } from 'commander';
import { ExitCode } from '../core/errors.js';
import { Output } from './output.js';
import { createProgram } from './program.js';
import { renderError } from './render/error.js';
import type { RuntimeOverrides } from './runtime.js';

/**
 * The entry: parse, run one command, and the ONE top-level catch that renders errors and sets the exit code.
 * First Ctrl-C / SIGTERM asks the running command to stop after the item in flight; a second exits at once.
 */
export async function main(argv: string[], overrides: RuntimeOverrides = {}): Promise<number> {
  const controller = new AbortController();
  const stopSignals = overrides.signal ? undefined : installSignalHandlers(controller);
  const { program, lastRuntime } = createProgram({ ...overrides, signal: overrides.signal ?? controller.signal });
  let code: number;
  try {
    await program.parseAsync(argv);
    code = lastRuntime()?.exitCode ?? ExitCode.ok;
  } catch (error) {
    code = handleError(error, argv, overrides, lastRuntime()?.output);
  } finally {
    stopSignals?.();
  }
  process.exitCode = code;
  return code;
}

function handleError(error: unknown, argv: string[], overrides: RuntimeOverrides, output: Output | undefined): number {
  if (error instanceof CommanderError) {
    // Help and version print and exit 0; other commander errors are usage errors (message already printed).
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  const fallback = new Output({ json: argv.includes('--json'), quiet: false, verbose: argv.includes('--verbose') || argv.includes('-v'), color: !argv.includes('--no-color'), stdout: overrides.stdout, stderr: overrides.stderr });
  return renderError(error, output ?? fallback);
}

function installSignalHandlers(controller: AbortController): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      process.stderr.write('\nStopped at once.\n');
      process.exit(ExitCode.interrupted);
    }
    process.stderr.write(`\n${signal}: finishing the item in flight and saving progress (press Ctrl-C again to stop at once)…\n`);
    controller.abort(new Error(signal));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
