import fs from 'node:fs';
import type { LogEntry } from './activity-log.js';

/**
 * Reads what was appended since the last look. Rotation rewrites the file shorter (ActivityLog.rotate keeps
 * the newest entries): then the new entries are those after the last line we printed.
 */
export class LogTail {
  private offset: number;
  private partial = '';
  private lastLine: string | undefined;

  constructor(private readonly file: string) {
    const text = readText(file);
    this.offset = Buffer.byteLength(text);
    this.lastLine = completeLines(text).at(-1);
  }

  readNew(): LogEntry[] {
    const size = sizeOf(this.file);
    if (size < this.offset) return this.afterRotation();
    if (size === this.offset) return [];
    const fd = fs.openSync(this.file, 'r');
    const chunk = Buffer.alloc(size - this.offset);
    try {
      fs.readSync(fd, chunk, 0, chunk.length, this.offset);
    } finally {
      fs.closeSync(fd);
    }
    this.offset = size;
    const text = this.partial + chunk.toString('utf8');
    const cut = text.lastIndexOf('\n') + 1;
    this.partial = text.slice(cut);
    return this.parse(completeLines(text.slice(0, cut)));
  }

  private afterRotation(): LogEntry[] {
    const text = readText(this.file);
    const cut = text.lastIndexOf('\n') + 1;
    const lines = completeLines(text.slice(0, cut));
    const seen = this.lastLine === undefined ? -1 : lines.lastIndexOf(this.lastLine);
    this.offset = Buffer.byteLength(text.slice(0, cut));
    this.partial = '';
    return this.parse(lines.slice(seen + 1));
  }

  private parse(lines: string[]): LogEntry[] {
    const out: LogEntry[] = [];
    for (const line of lines) {
      this.lastLine = line;
      try {
        out.push(JSON.parse(line) as LogEntry);
      } catch {
        // A torn line left by a crash mid-append: skip it, as ActivityLog.read does.
      }
    }
    return out;
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function completeLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}
