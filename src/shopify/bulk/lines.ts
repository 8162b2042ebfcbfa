/**
 * A streaming line splitter for JSONL downloads: bytes in, one string per line out, holding at most one partial line (a
 * bulk export can be gigabytes, docs/shopify-api.md#bulk-export "stream it line by line"). UTF-8 is decoded with a
 * streaming decoder so a character split across two chunks survives; invalid UTF-8 throws.
 */
export async function* splitLines(
  chunks: AsyncIterable<Uint8Array>,
  onBytes?: (count: number) => void,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  for await (const chunk of chunks) {
    onBytes?.(chunk.byteLength);
    pending += decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', start)) {
      yield stripCr(pending.slice(start, end));
      start = end + 1;
    }
    pending = pending.slice(start);
  }
  pending += decoder.decode();
  if (pending) yield stripCr(pending);
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
