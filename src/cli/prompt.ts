import { UsageError } from '../core/errors.js';

/**
 * Reads a value for `config set` without putting it in shell history: a hidden prompt on a TTY, else all of
 * stdin. Never prompts without a TTY (docs/house-style.md#9-stdout-is-the-result): an empty pipe is a usage error.
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
      hint:
        'Pass it as an argument, type it at the prompt, or pipe it: `printf %s "$VALUE" | sentos-sync ' +
        'config set KEY`.',
    });
  return trimmed;
}

async function readAll(stdin: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export function promptHidden(label: string, hidden: boolean, stdin: NodeJS.ReadStream): Promise<string> {
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

/**
 * The questions `init` and `config map-warehouses` ask, injectable so a test can script the answers. The real
 * one reads a terminal (hidden for secrets) and writes the questions to stderr; it is only used on a TTY.
 */
export interface Prompter {
  /** An answer, or the default when the admin just presses Enter. */
  ask(question: string, options?: { default?: string; secret?: boolean }): Promise<string>;
  confirm(question: string, defaultYes: boolean): Promise<boolean>;
}

export function terminalPrompter(stdin: NodeJS.ReadStream = process.stdin): Prompter {
  const ask: Prompter['ask'] = async (question, options = {}) => {
    const shown = options.default && !options.secret ? ` [${options.default}]` : '';
    const answer = (await promptHidden(`${question}${shown}: `, options.secret === true, stdin)).trim();
    return answer === '' ? (options.default ?? '') : answer;
  };
  return {
    ask,
    confirm: async (question, defaultYes) => {
      const answer = await ask(`${question} (${defaultYes ? 'Y/n' : 'y/N'})`);
      return answer === '' ? defaultYes : /^(y|yes|e|evet)$/i.test(answer);
    },
  };
}
