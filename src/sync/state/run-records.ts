import path from 'node:path';
import { readJsonFile, writeFileAtomic } from '../../core/files.js';
import type { ConnectionResult } from '../connection.js';

/** How the last run of a command ended: what `status` shows. */
export interface LastRun {
  at: string;
  runId: string;
  durationMs: number;
  exitCode: number;
  /** A dry run wrote nothing: `status` says "would create", never "created". */
  dryRun?: boolean;
  summaries?: Record<string, unknown>;
  error?: string;
}

export interface ConnectionRecord {
  at: string;
  results: ConnectionResult[];
}

/**
 * The small records a profile keeps about its runs, under its state folder: the last run per command
 * (last-runs.json), the last connection test (last-connection.json) and the Sentos auth method detection found
 * per API URL (sentos-auth.json, written by the client wiring).
 */
export class RunRecords {
  constructor(private readonly stateDir: string) {}

  get lastRunsFile(): string {
    return path.join(this.stateDir, 'last-runs.json');
  }

  lastRuns(): Record<string, LastRun> {
    return readJsonFile<Record<string, LastRun>>(this.lastRunsFile) ?? {};
  }

  recordRun(command: string, run: LastRun): void {
    writeFileAtomic(this.lastRunsFile, `${JSON.stringify({ ...this.lastRuns(), [command]: run }, null, 2)}\n`);
  }

  lastConnection(): ConnectionRecord | null {
    return readJsonFile<ConnectionRecord>(path.join(this.stateDir, 'last-connection.json')) ?? null;
  }

  saveConnection(record: ConnectionRecord): void {
    writeFileAtomic(path.join(this.stateDir, 'last-connection.json'), `${JSON.stringify(record, null, 2)}\n`);
  }

  /** The auth method detection found for this API URL, if any. */
  detectedAuth(apiUrl: string | undefined): string | undefined {
    if (apiUrl === undefined) return undefined;
    return readJsonFile<Record<string, string>>(path.join(this.stateDir, 'sentos-auth.json'))?.[apiUrl];
  }
}
