import fs from 'node:fs';
import path from 'node:path';

/** A RAM disk most Linux machines (and this project's CI) have. */
const RAM_DISK = '/dev/shm';

/**
 * The suite's temporary files (each test's home: settings, checkpoints, ledgers, logs) on a RAM disk when the machine
 * has one. The code fsyncs every checkpoint and every ledger and log line; on a disk that other jobs keep busy those
 * fsyncs were about a sixth of the shopper scenarios' time. On tmpfs fsync returns at once: the same calls still run
 * in the same order, and no test can see the difference (kill -9 keeps the page cache; no test cuts the power).
 *
 * Set before the workers start, so they and the e2e bin folder (global-setup.ts) inherit it; a bin the tests spawn
 * gets only the env they pass, and its homes are folders they made here. SENTOS_SYNC_TEST_TMPDIR picks another
 * parent folder; without one and without a RAM disk the suite keeps the default temporary folder.
 */
export default function setup(): () => void {
  const parent = process.env.SENTOS_SYNC_TEST_TMPDIR ?? RAM_DISK;
  let dir: string;
  try {
    fs.accessSync(parent, fs.constants.W_OK);
    dir = fs.mkdtempSync(path.join(parent, 'sentos-sync-tests-'));
  } catch {
    return () => undefined;
  }
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
