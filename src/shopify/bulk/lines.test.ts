import { describe, expect, it } from 'vitest';
import { splitLines } from './lines.js';

async function collect(parts: Array<string | Uint8Array>): Promise<{ lines: string[]; bytes: number }> {
  const encoder = new TextEncoder();
  // eslint-disable-next-line @typescript-eslint/require-await -- splitLines reads an AsyncIterable, as a body is
  async function* chunks() {
    for (const part of parts) yield typeof part === 'string' ? encoder.encode(part) : part;
  }
  let bytes = 0;
  const lines: string[] = [];
  for await (const line of splitLines(chunks(), (n) => (bytes += n))) lines.push(line);
  return { lines, bytes };
}

describe('splitLines', () => {
  it.each([
    ['one chunk', ['{"a":1}\n{"b":2}\n'], ['{"a":1}', '{"b":2}']],
    ['lines split across chunks', ['{"a"', ':1}\n{"b', '":2}\n'], ['{"a":1}', '{"b":2}']],
    ['no trailing newline', ['{"a":1}\n{"b":2}'], ['{"a":1}', '{"b":2}']],
    ['CRLF and empty lines', ['{"a":1}\r\n\r\n{"b":2}\r\n'], ['{"a":1}', '', '{"b":2}']],
    ['nothing', [], []],
  ])('%s', async (_label, parts, expected) => {
    expect((await collect(parts)).lines).toEqual(expected);
  });

  it('keeps a multi-byte character split between two chunks and counts bytes', async () => {
    const bytes = new TextEncoder().encode('{"t":"İğ"}\n');
    const { lines, bytes: counted } = await collect([bytes.slice(0, 7), bytes.slice(7)]);
    expect(lines).toEqual(['{"t":"İğ"}']);
    expect(counted).toBe(bytes.byteLength);
  });

  it('rejects invalid UTF-8', async () => {
    await expect(collect([new Uint8Array([0x7b, 0xff, 0x7d, 0x0a])])).rejects.toThrow();
  });
});
