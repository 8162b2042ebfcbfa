import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { diskFiles, memoryFiles } from './bulk-files.js';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-files-test-'));
afterEach(() => {
  for (const entry of fs.readdirSync(base)) fs.rmSync(path.join(base, entry), { recursive: true, force: true });
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('bulk import files', () => {
  it('on disk: each file is written there as it is made, uploaded from there, and gone once released', async () => {
    const files = diskFiles(base)!;
    files.write(0, '{"a":"ğ"}\n');
    files.write(1, '{"b":2}\n');
    files.write(0, '{"c":3}\n');
    const [dir] = fs.readdirSync(base);
    expect(fs.readFileSync(path.join(base, dir!, '1.jsonl'), 'utf8')).toBe('{"a":"ğ"}\n{"c":3}\n');
    const body = await files.body(0);
    expect(body.type).toBe('text/jsonl');
    expect(body.size).toBe(Buffer.byteLength('{"a":"ğ"}\n{"c":3}\n'));
    expect(await body.text()).toBe('{"a":"ğ"}\n{"c":3}\n');
    files.release(0);
    expect(fs.readdirSync(path.join(base, dir!))).toEqual(['2.jsonl']);
    files.close();
    expect(fs.readdirSync(base)).toEqual([]);
  });

  it("clears a killed run's folder once it is a day old, never a newer one", () => {
    const old = path.join(base, 'sentos-sync-bulk-old');
    const recent = path.join(base, 'sentos-sync-bulk-recent');
    for (const dir of [old, recent]) fs.mkdirSync(dir);
    const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    fs.utimesSync(old, dayAgo, dayAgo);
    diskFiles(base)!.close();
    expect(fs.readdirSync(base)).toEqual(['sentos-sync-bulk-recent']);
  });

  it('in memory (no temporary folder to write): the same bytes', async () => {
    expect(diskFiles(path.join(base, 'missing', 'folder'))).toBeUndefined();
    const files = memoryFiles();
    files.write(0, '{"a":"ğ"}\n');
    files.write(0, '{"c":3}\n');
    const body = await files.body(0);
    expect(body.type).toBe('text/jsonl');
    expect(await body.text()).toBe('{"a":"ğ"}\n{"c":3}\n');
  });
});
