/**
 * The --json document written in pieces: a 10,000-product report is tens of MB, and building it as one
 * indented string, then copying it once per registered secret to scrub it, peaked at ~1 GB. Here each array
 * element (two levels deep: report → items, report → phases → items) is serialised on its own, scrubbed on its
 * own (a secret lives inside one string value, so it never spans two pieces) and buffered up to CHUNK chars,
 * so the extra memory is bounded by the largest element. Indented only for a person at a terminal.
 */
const CHUNK = 64 * 1024;
const STREAM_DEPTH = 3;

export function writeJsonDocument(
  write: (text: string) => void,
  document: unknown,
  scrub: (text: string) => string,
  indent: boolean,
): void {
  if (indent) {
    write(`${scrub(JSON.stringify(document, null, 2))}\n`);
    return;
  }
  let buffer = '';
  const emit = (text: string) => {
    buffer += text;
    if (buffer.length >= CHUNK) {
      write(buffer);
      buffer = '';
    }
  };
  piece(emit, document, scrub, 0);
  write(`${buffer}\n`);
}

function piece(emit: (text: string) => void, value: unknown, scrub: (text: string) => string, depth: number): void {
  const plain = typeof value === 'object' && value !== null && !('toJSON' in value);
  if (!plain || depth >= STREAM_DEPTH) {
    const text = JSON.stringify(value);
    if (text !== undefined) emit(scrub(text));
    return;
  }
  if (Array.isArray(value)) {
    emit('[');
    value.forEach((item, i) => {
      if (i > 0) emit(',');
      // As JSON.stringify does: undefined, functions and symbols in an array are null.
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') emit('null');
      else piece(emit, item, scrub, depth + 1);
    });
    emit(']');
    return;
  }
  emit('{');
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    emit(`${first ? '' : ','}${scrub(JSON.stringify(key))}:`);
    first = false;
    piece(emit, item, scrub, depth + 1);
  }
  emit('}');
}
