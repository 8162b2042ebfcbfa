import fs from 'node:fs';
import { appendLine, readJsonLines, writeFileAtomic } from './files.js';

/**
 * The activity log: JSON Lines under the tool's home, one entry per event worth keeping, capped at maxEntries (the
 * original app kept 100; cron runs need more history, default 5000).
 */
export type LogLevel = 'success' | 'error' | 'info' | 'warn';

export interface LogEntry {
  time: string;
  runId: string;
  command: string;
  level: LogLevel;
  message: string;
  item?: string;
  data?: Record<string, unknown>;
}

export interface LogFilter {
  type?: LogLevel;
  sinceMs?: number;
  runId?: string;
  limit?: number;
}

export class ActivityLog {
  constructor(
    private readonly file: string,
    private readonly maxEntries: number,
  ) {}

  append(entry: LogEntry): void {
    appendLine(this.file, JSON.stringify(entry));
  }

  /** Several entries in one write and one fsync. */
  appendMany(entries: LogEntry[]): void {
    if (entries.length > 0) appendLine(this.file, entries.map((e) => JSON.stringify(e)).join('\n'));
  }

  /** Drops the oldest entries beyond the cap; called once at the end of a run, not per line. */
  rotate(): void {
    if (!fs.existsSync(this.file)) return;
    const entries = readJsonLines<LogEntry>(this.file);
    if (entries.length <= this.maxEntries) return;
    const kept = entries.slice(entries.length - this.maxEntries);
    writeFileAtomic(this.file, `${kept.map((e) => JSON.stringify(e)).join('\n')}\n`);
  }

  read(filter: LogFilter = {}): LogEntry[] {
    const matching = readJsonLines<LogEntry>(this.file).filter((e) => matchesFilter(e, filter));
    return filter.limit ? matching.slice(-filter.limit) : matching;
  }

  /** False until the first run has written to it. */
  exists(): boolean {
    return fs.existsSync(this.file);
  }
}

/** The type, run and since parts of a filter (the limit applies to a whole read). */
export function matchesFilter(entry: LogEntry, filter: LogFilter): boolean {
  return (
    (!filter.type || entry.level === filter.type) &&
    (!filter.runId || entry.runId === filter.runId) &&
    (filter.sinceMs === undefined || Date.parse(entry.time) >= filter.sinceMs)
  );
}
