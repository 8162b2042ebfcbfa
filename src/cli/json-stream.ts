/**
 * The --json document written in pieces: a 10,000-product report is tens of MB, and building it as one
 * indented string, then copying it once per registered secret to scrub it, peaked at ~1 GB. Here each array
 * element (two levels deep: report → items, report → phases → items) is serialised on its own, scrubbed on its
 * own (a secret lives inside one string value, so it never spans two pieces) and buffered up to CHUNK chars,
 * so the extra memory is bounded by the largest element. Indented only for a person at a terminal.
 *
 * A pipe takes ~64 KB at a time and Node queues the rest of every write: written in one synchronous loop, the whole
 * 32 MB document of a 10k run sat in that queue (~100 MB of RSS). `streamJsonDocument` waits for the stream to
 * drain after each chunk it refuses (docs/architecture.md#memory).
 */
const CHUNK = 64 * 1024;
const STREAM_DEPTH = 3;

type Scrub = (text: string) => string;

/** The document as chunks of about CHUNK chars, the last one ending in a newline. */
export function* jsonChunks(document: unknown, scrub: Scrub, indent: boolean): Generator<string> {
  if (indent) {
    yield `${scrub(JSON.stringify(document, null, 2))}\n`;
    return;
  }
  let buffer = '';
  for (const text of pieces(document, scrub, 0)) {
    buffer += text;
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}\n`;
}

/** For small documents, or a sink that takes everything at once. */
export function writeJsonDocument(write: (text: string) => void, document: unknown, scrub: Scrub, indent: boolean) {
  for (const chunk of jsonChunks(document, scrub, indent)) write(chunk);
}

export interface DrainableStream {
  write(text: string): boolean;
  once?(event: 'drain', listener: () => void): unknown;
}

/** Chunk by chunk, waiting for 'drain' whenever the stream says its buffer is full (write returned false). */
export async function streamJsonDocument(
  stream: DrainableStream,
  document: unknown,
  scrub: Scrub,
  indent: boolean,
): Promise<void> {
  for (const chunk of jsonChunks(document, scrub, indent))
    if (stream.write(chunk) === false && stream.once)
      await new Promise<void>((resolve) => stream.once!('drain', resolve));
}

function* pieces(value: unknown, scrub: Scrub, depth: number): Generator<string> {
  const plain = typeof value === 'object' && value !== null && !('toJSON' in value);
  if (!plain || depth >= STREAM_DEPTH) {
    const text = JSON.stringify(value);
    if (text !== undefined) yield scrub(text);
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (i > 0) yield ',';
      // As JSON.stringify does: undefined, functions and symbols in an array are null.
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
      else yield* pieces(item, scrub, depth + 1);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    yield `${first ? '' : ','}${scrub(JSON.stringify(key))}:`;
    first = false;
    yield* pieces(item, scrub, depth + 1);
  }
  yield '}';
}
