/**
 * The small error taxonomy (docs/house-style.md#7-errors). Every error that reaches the user is a CliError:
 * a message, a hint saying what to do, and the exit code. The top-level handler renders them; nothing else
 * calls process.exit.
 */

/** Exit codes, documented in the README and `--help`. */
export const ExitCode = {
  ok: 0,
  failure: 1, // every item failed, or the run could not start
  usage: 2, // bad flags or configuration
  auth: 3, // credentials rejected
  remote: 4, // a remote API failed in a way that stopped the run
  partial: 5, // some items failed, the rest synced
  locked: 6, // another run of the same command and profile holds the lock
  interrupted: 130, // Ctrl-C / SIGTERM: finished the item in flight, saved progress
  bug: 70,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export interface CliErrorOptions {
  hint?: string;
  exitCode?: number;
  cause?: unknown;
}

export class CliError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: number;
  constructor(message: string, options: CliErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? ExitCode.failure;
  }
}

export class UsageError extends CliError {
  constructor(message: string, options: Omit<CliErrorOptions, 'exitCode'> = {}) {
    super(message, { ...options, exitCode: ExitCode.usage });
  }
}

export class ConfigError extends CliError {
  constructor(message: string, options: Omit<CliErrorOptions, 'exitCode'> = {}) {
    super(message, { ...options, exitCode: ExitCode.usage });
  }
}

export type Service = 'sentos' | 'shopify';

export class AuthError extends CliError {
  readonly service: Service;
  constructor(service: Service, message: string, options: Omit<CliErrorOptions, 'exitCode'> = {}) {
    super(message, { ...options, exitCode: ExitCode.auth });
    this.service = service;
  }
}

export interface RemoteErrorDetails {
  service: Service;
  status?: number;
  requestId?: string;
  /** A short, already-redacted excerpt of the response body. */
  body?: string;
  /** Machine-readable code, e.g. THROTTLED, MAX_COST_EXCEEDED, HANDLE_NOT_UNIQUE. */
  code?: string;
}

export class RemoteError extends CliError {
  readonly service: Service;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly body: string | undefined;
  readonly code: string | undefined;
  constructor(message: string, details: RemoteErrorDetails, options: Omit<CliErrorOptions, 'exitCode'> = {}) {
    const suffix = details.requestId ? ` (request id ${details.requestId})` : '';
    super(message + suffix, { ...options, exitCode: ExitCode.remote });
    this.service = details.service;
    this.status = details.status;
    this.requestId = details.requestId;
    this.body = details.body;
    this.code = details.code;
  }
}

/**
 * A write whose outcome we do not know (timeout or reset after the body was sent). It must not be re-sent
 * blindly: the caller looks the record up first (docs/house-style.md#6-pure-retry-decisions).
 */
export class OutcomeUnknownError extends RemoteError {}

export class PartialSyncError extends CliError {
  constructor(message: string, options: Omit<CliErrorOptions, 'exitCode'> = {}) {
    super(message, { ...options, exitCode: ExitCode.partial });
  }
}

export class LockedError extends CliError {
  constructor(message: string, options: Omit<CliErrorOptions, 'exitCode'> = {}) {
    super(message, { ...options, exitCode: ExitCode.locked });
  }
}

export class BugError extends CliError {
  constructor(message: string, options: Omit<CliErrorOptions, 'exitCode'> = {}) {
    super(message, {
      hint: options.hint ?? 'This is a bug in sentos-sync. Please report it with the command you ran (no secrets).',
      cause: options.cause,
      exitCode: ExitCode.bug,
    });
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Ctrl-C / SIGTERM before anything was written (while reading): stop at once, nothing to save. */
export class InterruptedError extends CliError {
  constructor(message = 'Interrupted while reading; nothing was written.') {
    super(message, { exitCode: ExitCode.interrupted, hint: 'Run the command again when you are ready.' });
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new InterruptedError();
}
