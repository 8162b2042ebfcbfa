import { CliError, ExitCode, RemoteError, errorMessage } from '../../core/errors.js';
import { localFileError } from '../../core/local-files.js';
import type { Output } from '../output.js';

/** The one place that turns an error into words and an exit code (docs/house-style.md#7-errors). */
export function renderError(thrown: unknown, output: Output): number {
  // A file-system error that escaped its caller is still local damage (exit 2, naming the file), not a bug.
  const error = localFileError(thrown);
  const cliError = error instanceof CliError ? error : undefined;
  const exitCode = cliError?.exitCode ?? ExitCode.bug;
  if (output.json) {
    output.resultJson({ ok: false, error: toJsonError(error), exitCode });
  }
  const c = output.chalk;
  const lines = [`${c.red('✖')} ${c.bold(cliError ? cliError.message : `Unexpected error: ${errorMessage(error)}`)}`];
  if (cliError?.hint) lines.push(`  ${c.cyan('→')} ${cliError.hint}`);
  if (!cliError)
    lines.push(
      `  ${c.cyan('→')} This is a bug in sentos-sync. Please report it with the command you ran (no secrets).`,
    );
  if (output.verbose && error instanceof Error && error.stack) lines.push(c.dim(error.stack));
  output.error(lines.join('\n'));
  return exitCode;
}

export function toJsonError(error: unknown): Record<string, unknown> {
  if (error instanceof RemoteError) {
    return {
      type: error.name,
      message: error.message,
      hint: error.hint,
      service: error.service,
      status: error.status,
      code: error.code,
      requestId: error.requestId,
    };
  }
  if (error instanceof CliError) return { type: error.name, message: error.message, hint: error.hint };
  return { type: 'BugError', message: errorMessage(error) };
}
