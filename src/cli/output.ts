import { Chalk, type ChalkInstance } from 'chalk';
import { secrets, type SecretRegistry } from '../core/redact.js';
import { streamJsonDocument, writeJsonDocument } from './json-stream.js';

/**
 * stdout carries only the result (the summary, or exactly one JSON document with --json); everything else
 * goes to stderr (docs/house-style.md#9-stdout-is-the-result). Every line is scrubbed of registered secrets on its way
 * out.
 */
export interface OutputOptions {
  json: boolean;
  quiet: boolean;
  verbose: boolean;
  color: boolean;
  stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
  secrets?: SecretRegistry;
}

export class Output {
  readonly json: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly chalk: ChalkInstance;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  private readonly secrets: SecretRegistry;

  constructor(options: OutputOptions) {
    this.json = options.json;
    this.quiet = options.quiet;
    this.verbose = options.verbose;
    this.stdout = options.stdout ?? process.stdout;
    this.stderr = options.stderr ?? process.stderr;
    this.secrets = options.secrets ?? secrets;
    this.chalk = new Chalk({ level: options.color && !options.json ? 1 : 0 });
  }

  /**
   * Progress and spinners only where a person watches: stderr is a TTY, not --json/--quiet, not CI. A terminal
   * that reports a width of 0 (a pty nobody sized, as some CI runners and `script` give) gets plain lines:
   * ora redraws by counting wrapped lines against the width and never finishes there.
   */
  get interactive(): boolean {
    const columns = (this.stderr as { columns?: number }).columns;
    return Boolean(this.stderr.isTTY) && columns !== 0 && !this.json && !this.quiet && !process.env.CI;
  }

  /** The result: text. */
  result(text: string): void {
    this.stdout.write(this.scrub(text.endsWith('\n') ? text : `${text}\n`));
  }

  /** The result: one small JSON document, in scrubbed pieces; indented only for a terminal (json-stream.ts). */
  resultJson(document: unknown): void {
    writeJsonDocument(
      (text) => this.stdout.write(text),
      document,
      (text) => this.scrub(text),
      Boolean(this.stdout.isTTY),
    );
  }

  /**
   * A run report, which can be tens of MB: as resultJson, but each piece waits until stdout has taken the last, so
   * the document is not queued whole in memory behind a pipe (docs/architecture.md#memory).
   */
  async streamResultJson(document: unknown): Promise<void> {
    await streamJsonDocument(this.stdout, document, (text) => this.scrub(text), Boolean(this.stdout.isTTY));
  }

  info(text: string): void {
    if (!this.quiet && !this.json) this.stderr.write(`${this.scrub(text)}\n`);
  }

  warn(text: string): void {
    if (!this.json || this.verbose) this.stderr.write(`${this.chalk.yellow('!')} ${this.scrub(text)}\n`);
  }

  /** --verbose lines (one per request, etc.); they also go to stderr with --json so pipes stay clean. */
  debug(text: string): void {
    if (this.verbose) this.stderr.write(`${this.chalk.dim(this.scrub(text))}\n`);
  }

  /** Errors always reach stderr, even with --json or --quiet. */
  error(text: string): void {
    this.stderr.write(`${this.scrub(text)}\n`);
  }

  scrub(text: string): string {
    return this.secrets.redact(text);
  }
}
