import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from './errors.js';
import { LocalFileError, damagedFile, ensureDir, localFileError } from './local-files.js';

const fsError = (code: string, file: string) => Object.assign(new Error(`${code}: ${file}`), { code, path: file });

describe('localFileError: file-system errors as exit 2 naming the file', () => {
  it.each([
    ['EACCES', /permission denied/, /Fix the permissions.*SENTOS_SYNC_HOME/],
    ['EPERM', /permission denied/, /Fix the permissions/],
    ['EROFS', /read-only/, /SENTOS_SYNC_HOME/],
    ['ENOSPC', /disk is full/, /Free some space/],
    ['ENOTDIR', /should be a folder but is a file/, /mv /],
    ['EISDIR', /should be a file but is a folder/, /mv /],
    ['ENOENT', /does not take files/, /SENTOS_SYNC_HOME/],
  ])('%s', (code, message, hint) => {
    const error = localFileError(fsError(code, '/home/u/.config/sentos-sync/state/x.json'));
    expect(error).toBeInstanceOf(LocalFileError);
    const local = error as LocalFileError;
    expect(local.exitCode).toBe(ExitCode.usage);
    expect(local.message).toMatch(message);
    expect(local.message).toContain('/home/u/.config/sentos-sync/state/x.json');
    expect(local.hint).toMatch(hint);
  });

  it('leaves other errors alone (a real bug stays a bug)', () => {
    const bug = new TypeError('x is undefined');
    expect(localFileError(bug)).toBe(bug);
    expect(localFileError(fsError('ECONNRESET', '/x'))).not.toBeInstanceOf(LocalFileError);
  });

  it('a damaged config.json says to set the settings again; a state file that it starts afresh', () => {
    expect(damagedFile('/h/config.json', 'not JSON').hint).toMatch(/config set/);
    expect(damagedFile('/h/state/orders-checkpoint.json', 'not JSON').hint).toMatch(/starts that file afresh/);
  });
});

describe('ensureDir', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ensure-dir-'));

  it('creates every missing level and accepts one that exists', () => {
    ensureDir(path.join(tmp, 'a', 'b', 'c'));
    ensureDir(path.join(tmp, 'a', 'b', 'c'));
    expect(fs.statSync(path.join(tmp, 'a', 'b', 'c')).isDirectory()).toBe(true);
  });

  it('names a file that stands where a folder should be', () => {
    fs.writeFileSync(path.join(tmp, 'file'), 'x');
    expect(() => ensureDir(path.join(tmp, 'file', 'state'))).toThrow(/file.*should be a folder but is a file/);
  });

  it('fails at once where mkdir cannot create anything (under /proc), instead of retrying', () => {
    expect(() => ensureDir('/proc/sentos-sync-test/state')).toThrow(LocalFileError);
  });
});
