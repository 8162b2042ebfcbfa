import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IdSet } from './id-set.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentos-sync-idset-'));
  file = path.join(dir, 'pending-activation.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('IdSet (snapshot + append-only journal)', () => {
  it('an add survives a crash without save: it is appended, the snapshot is not rewritten', () => {
    const set = new IdSet(file);
    set.add('1');
    set.add('2');
    set.add('2');
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readFileSync(`${file}.journal`, 'utf8')).toBe('["+","1"]\n["+","2"]\n');
    expect([...new IdSet(file).asSet()]).toEqual(['1', '2']);
  });

  it('save compacts: the snapshot holds the set and the journal is gone', () => {
    const set = new IdSet(file);
    set.add('1');
    set.add('2');
    set.delete('1');
    set.save();
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(['2']);
    expect(fs.existsSync(`${file}.journal`)).toBe(false);
    expect([...new IdSet(file).asSet()]).toEqual(['2']);
  });

  it('a journal left beside a snapshot that already holds it (crash mid-compaction) replays to the same set', () => {
    fs.writeFileSync(file, '["2","3"]\n');
    fs.writeFileSync(`${file}.journal`, '["+","2"]\n["+","3"]\n["-","4"]\n["+","5"]\n["+",');
    expect([...new IdSet(file).asSet()].sort()).toEqual(['2', '3', '5']);
  });
});
