import type { ChalkInstance } from 'chalk';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { ActivityLog, matchesFilter, type LogEntry, type LogFilter, type LogLevel } from '../../core/activity-log.js';
import { LogTail } from '../../core/log-tail.js';
import { UsageError } from '../../core/errors.js';
import { parseSince, positiveInt } from '../options.js';
import type { Runtime } from '../runtime.js';
import type { RuntimeFactory } from './config.js';

interface LogsFlags {
  type?: LogLevel;
  since?: string;
  run?: string;
  limit?: number;
  follow?: boolean;
}

const LEVELS: readonly LogLevel[] = ['success', 'error', 'info', 'warn'];
/** How often --follow looks at the file: quick enough to feel live, cheap enough for a terminal left open. */
const FOLLOW_POLL_MS = 250;
/** Like `tail -f`: without --limit, --follow starts from the last few entries, not the whole history. */
const FOLLOW_DEFAULT_LIMIT = 10;

/** `logs`: the activity log every run appends to, filtered like the original app's log page. */
export function registerLogsCommand(program: Command, runtimeFor: RuntimeFactory): void {
  program
    .command('logs')
    .description('Show the activity log (every run appends to it), oldest first')
    .addOption(new Option('--type <level>', 'only entries of this level').choices(LEVELS))
    .option('--since <when>', 'entries since a date, an ISO time or a duration back from now (2h, 7d)')
    .option('--run <id>', 'only the entries of one run (the run id is in every report and in `status`)')
    .addOption(new Option('--limit <n>', 'only the last N matching entries').argParser(positiveInt))
    .option(
      '-f, --follow',
      'keep printing entries as runs append them, until Ctrl-C (with --json: one JSON object per line)',
    )
    .action(async (flags: LogsFlags, command: Command) => {
      const runtime = runtimeFor(command);
      const filter: LogFilter = {
        type: flags.type,
        runId: flags.run,
        sinceMs: flags.since ? sinceMs(flags.since, runtime) : undefined,
        limit: flags.limit ?? (flags.follow ? FOLLOW_DEFAULT_LIMIT : undefined),
      };
      const file = runtime.paths.logFile;
      const log = new ActivityLog(file, Number.POSITIVE_INFINITY);
      const entries = log.read(filter);
      if (!flags.follow) return printAll(runtime, file, entries, log.exists());
      const print = printer(runtime);
      entries.forEach(print);
      await follow(runtime, file, filter, print);
    });
}

function printAll(runtime: Runtime, file: string, entries: LogEntry[], exists: boolean): void {
  const out = runtime.output;
  if (out.json) return out.resultJson({ file, count: entries.length, entries });
  if (entries.length === 0) return out.info(exists ? 'No log entries match.' : `No activity yet (the log is ${file}).`);
  out.result(entries.map((e) => formatEntry(e, out.chalk)).join('\n'));
}

function printer(runtime: Runtime): (entry: LogEntry) => void {
  const out = runtime.output;
  return (entry) =>
    out.json ? out.stdout.write(`${out.scrub(JSON.stringify(entry))}\n`) : out.result(formatEntry(entry, out.chalk));
}

/** `time level command [item] message`, the level coloured when colour is on. */
export function formatEntry(entry: LogEntry, c: ChalkInstance): string {
  const paint: Record<LogLevel, (text: string) => string> = {
    success: c.green,
    error: c.red,
    warn: c.yellow,
    info: c.cyan,
  };
  const time = entry.time.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  const level = (paint[entry.level] ?? String)(entry.level.padEnd(7));
  return (
    `${c.dim(time)} ${level} ${entry.command.padEnd(8)} ` +
    `${entry.item ? `${c.bold(entry.item)} ` : ''}${entry.message}`
  );
}

async function follow(
  runtime: Runtime,
  file: string,
  filter: LogFilter,
  print: (entry: LogEntry) => void,
): Promise<void> {
  const tail = new LogTail(file);
  while (!runtime.signal.aborted) {
    for (const entry of tail.readNew()) if (matchesFilter(entry, filter)) print(entry);
    await runtime.clock.sleep(FOLLOW_POLL_MS, runtime.signal).catch(() => undefined);
  }
  for (const entry of tail.readNew()) if (matchesFilter(entry, filter)) print(entry);
}

function sinceMs(value: string, runtime: Runtime): number {
  try {
    return Date.parse(parseSince(value, runtime.clock.now()));
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw new UsageError(`--since ${value}: ${error.message}`);
    throw error;
  }
}
