import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FulfilmentJournal } from './fulfilment-journal.js';

const dirs: string[] = [];
const fileIn = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fulfil-journal-'));
  dirs.push(dir);
  return path.join(dir, 'fulfilments.jsonl');
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const intent = { shopifyId: '1001', trackingNumber: 'AR 55', sentosId: '88001', atMs: 1 };

describe('FulfilmentJournal', () => {
  it('an intent without an outcome is pending after a restart; done ends it', () => {
    const file = fileIn();
    new FulfilmentJournal(file).recordIntent(intent);
    const reopened = new FulfilmentJournal(file);
    expect(reopened.pending()).toEqual([intent]);
    expect(reopened.isDone(intent)).toBe(false);
    reopened.recordDone(intent, 'created', ['F1'], 2);
    const again = new FulfilmentJournal(file);
    expect(again.pending()).toEqual([]);
    expect(again.isDone(intent)).toBe(true);
    expect(again.isDone({ ...intent, trackingNumber: 'OTHER' })).toBe(false);
  });

  it('a failure stays pending without its reason; the listing mark only moves forward', () => {
    const file = fileIn();
    const journal = new FulfilmentJournal(file);
    journal.recordFailed(intent, 'Shopify refused');
    journal.recordListed(500);
    journal.recordListed(400);
    const reopened = new FulfilmentJournal(file);
    expect(reopened.pending()).toEqual([intent]);
    expect(reopened.listedUntilMs()).toBe(500);
  });

  it('a torn last line (a crash mid-append) is ignored', () => {
    const file = fileIn();
    new FulfilmentJournal(file).recordIntent(intent);
    fs.appendFileSync(file, '{"type":"done","shopifyId":"10');
    expect(new FulfilmentJournal(file).pending()).toEqual([intent]);
  });
});
