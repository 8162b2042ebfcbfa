import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatSeconds, startApplyBar } from './progress-bar.js';

function terminal(columns: number) {
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns });
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  // The last line drawn, without cursor movements.
  const last = () =>
    text
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '\n')
      .split(/[\r\n]/)
      .filter((line) => line.trim() !== '')
      .at(-1) ?? '';
  return { stream, last };
}

// cli-progress redraws on its own timer: fake timers move it (and Date.now) without real waiting.
beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

describe('the apply bar', () => {
  it('has a label, an ETA from the real rate, and a countdown that ticks while a limit holds the next write', () => {
    const t = terminal(120);
    const bar = startApplyBar(t.stream, 10, 'orders');
    vi.advanceTimersByTime(20_000);
    bar.update(2, '#1002');
    vi.advanceTimersByTime(300);
    expect(t.last()).toMatch(/^Pushing orders .* 2\/10 · ETA 1m 20s · #1002/);
    bar.wait(41_000, "Sentos's 12 POST/min limit");
    vi.advanceTimersByTime(300);
    expect(t.last()).toMatch(/ · next request in 41 s \(Sentos's 12 POST\/min limit\)$/);
    vi.advanceTimersByTime(10_400); // no event: the countdown ticks by itself (once a second)
    expect(t.last()).toContain('next request in 31 s');
    vi.advanceTimersByTime(31_000);
    bar.update(3, '#1003');
    vi.advanceTimersByTime(300);
    expect(t.last()).toMatch(/· #1003$/);
    bar.stop();
  });

  it('fits the terminal: a long status is cut, never wrapped', () => {
    const t = terminal(80);
    const bar = startApplyBar(t.stream, 1000, 'products');
    bar.update(1, 'X'.repeat(200));
    vi.advanceTimersByTime(300);
    expect(t.last().length).toBeLessThanOrEqual(79);
    expect(t.last()).toMatch(/^Writing products /);
    bar.stop();
  });
});

describe('formatSeconds', () => {
  it.each([
    [0.2, '1s'],
    [59, '59s'],
    [80, '1m 20s'],
    [3_700, '1h 01m'],
  ])('%d s → %s', (seconds, text) => expect(formatSeconds(seconds)).toBe(text));
});
