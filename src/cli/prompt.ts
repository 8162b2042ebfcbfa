import { UsageError } from '../core/errors.js';

/**
 * Reads a value for `config set` without putting it in shell history: a hidden prompt on a TTY, else all of
 * stdin. Never prompts without a TTY (design.md house style 9): an empty pipe is a usage error.
 */
export async function readSecretValue(
  label: string,
  options: { secret: boolean },
  stdin: NodeJS.ReadStream = process.stdin,
): Promise<string> {
  const value = stdin.isTTY ? await promptHidden(label, options.secret, stdin) : await readAll(stdin);
  const trimmed = value.replace(/\r?\n$/, '');
  if (trimmed.trim() === '')
    throw new UsageError('No value given.', {
      hint: 'Pass it as an argument, type it at the prompt, or pipe it: `printf %s "$VALUE" | sentos-sync config set KEY`.',
    });
  return trimmed;
}

async function readAll(stdin: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function promptHidden(label: string, hidden: boolean, stdin: NodeJS.ReadStream): Promise<string> {
  return new Promise((resolve, reject) => {
    process.stderr.write(label);
    let value = '';
    stdin.setRawMode?.(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (error?: Error) => {
      stdin.setRawMode?.(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003') return done(new UsageError('Cancelled.'));
        if (char === '\u007f') value = value.slice(0, -1);
        else {
          value += char;
          if (!hidden) process.stderr.write(char);
        }
      }
    };
    stdin.on('data', onData);
  });
}
