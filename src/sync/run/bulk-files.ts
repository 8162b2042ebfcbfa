/**
 * Where a bulk import's files are held between their making and their upload (docs/architecture.md#memory): a
 * temporary file each, uploaded as a file-backed Blob, so the ~60 MB of a 10k import is on disk, not in the process,
 * while up to five files upload at once. Where no temporary file can be written, Blob parts in memory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSONL_MIME } from '../../shopify/bulk/upload.js';
import type { ShardSink } from '../products/bulk-plan.js';

export interface ShardFiles extends ShardSink {
  /** File `shard`, once every line is written. */
  body(shard: number): Promise<Blob>;
  /** File `shard` is no longer needed (uploaded, or given up). */
  release(shard: number): void;
  /** Every file goes (at the end of the bulk step, whatever happened). */
  close(): void;
}

const PREFIX = 'sentos-sync-bulk-';
/** A killed run leaves its folder behind; one a day old belongs to no run still uploading. */
const STALE_MS = 24 * 60 * 60 * 1000;

function removeStale(base: string): void {
  for (const name of fs.readdirSync(base)) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(base, name);
    if (Date.now() - fs.statSync(dir).mtimeMs > STALE_MS) fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function memoryFiles(): ShardFiles {
  const parts = new Map<number, Blob[]>();
  return {
    write(shard, text) {
      const list = parts.get(shard) ?? [];
      list.push(new Blob([text]));
      parts.set(shard, list);
    },
    // A Blob of Blobs shares their bytes: no second copy of the file.
    body: (shard) => Promise.resolve(new Blob(parts.get(shard) ?? [], { type: JSONL_MIME })),
    release: (shard) => void parts.delete(shard),
    close: () => parts.clear(),
  };
}

/** Temporary files under the OS's temporary folder (mode 0600); undefined when that folder cannot be written. */
export function diskFiles(base = os.tmpdir()): ShardFiles | undefined {
  let dir: string;
  quietly(() => removeStale(base));
  try {
    dir = fs.mkdtempSync(path.join(base, PREFIX));
  } catch {
    return undefined;
  }
  const open = new Map<number, number>();
  const file = (shard: number) => path.join(dir, `${shard + 1}.jsonl`);
  const closeFile = (shard: number) => {
    const fd = open.get(shard);
    if (fd === undefined) return;
    open.delete(shard);
    fs.closeSync(fd);
  };
  return {
    write(shard, text) {
      let fd = open.get(shard);
      if (fd === undefined) {
        fd = fs.openSync(file(shard), 'w', 0o600);
        open.set(shard, fd);
      }
      fs.writeSync(fd, text);
    },
    body(shard) {
      closeFile(shard);
      return fs.openAsBlob(file(shard), { type: JSONL_MIME });
    },
    // Removing is best effort (a file still open elsewhere, as Windows may have it): the upload's outcome stands, and
    // a folder left behind goes with the stale ones.
    release(shard) {
      closeFile(shard);
      quietly(() => fs.rmSync(file(shard), { force: true }));
    },
    close() {
      for (const shard of [...open.keys()]) closeFile(shard);
      quietly(() => fs.rmSync(dir, { recursive: true, force: true }));
    },
  };
}

function quietly(remove: () => void): void {
  try {
    remove();
  } catch {
    // left for a later run's removeStale
  }
}
