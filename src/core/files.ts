import fs from 'node:fs';
import path from 'node:path';
import { damagedFile, ensureDir, localFileError } from './local-files.js';

/**
 * Atomic replace: write a temp file in the same folder, fsync, rename. A crash leaves either the old or
 * the new content, never half a file (checkpoints must survive kill -9).
 */
export function writeFileAtomic(file: string, content: string, mode = 0o600): void {
  ensureDir(path.dirname(file));
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    const fd = fs.openSync(temp, 'w', mode);
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw localFileError(error, file);
  }
}

/** JSON from a file; undefined when it does not exist. A damaged file is the user's to fix (exit 2). */
export function readJsonFile<T>(file: string): T | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw localFileError(error, file);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw damagedFile(file, text.trim() === '' ? 'it is empty' : 'it is not valid JSON; it may have been cut short');
  }
}

/** Appends one line and fsyncs it: an append-only log loses at most the line being written. */
export function appendLine(file: string, line: string): void {
  ensureDir(path.dirname(file));
  let fd: number;
  try {
    fd = fs.openSync(file, 'a+', 0o600);
  } catch (error) {
    throw localFileError(error, file);
  }
  try {
    // A crash may have left a torn last line without its newline: start on a fresh line so we don't glue to it.
    const size = fs.fstatSync(fd).size;
    const last = Buffer.alloc(1);
    const torn = size > 0 && fs.readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a;
    fs.writeSync(fd, `${torn ? '\n' : ''}${line.endsWith('\n') ? line : `${line}\n`}`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads JSON Lines, skipping a torn last line (the one a crash may leave behind). */
export function readJsonLines<T>(file: string): T[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw localFileError(error, file);
  }
  const out: T[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch {
      // A torn line from an interrupted append: ignore it; the remote lookup covers that order.
    }
  }
  return out;
}
