import { CONFIG_KEYS, describeDefault } from './keys.js';

/**
 * The settings as people read them, generated from the schema: `config --help` prints `settingsHelp()`, and the
 * README's settings table is `settingsTable()` (a test keeps both in step with the schema).
 */
export function settingsHelp(): string {
  const width = Math.max(...CONFIG_KEYS.map((k) => k.key.length));
  const lines = CONFIG_KEYS.map((k) => {
    const fallback = describeDefault(k);
    const extra = [k.secret ? 'secret' : '', fallback ? `default ${fallback}` : ''].filter(Boolean).join(', ');
    return `  ${k.key.padEnd(width)}  ${k.env}${extra ? ` (${extra})` : ''}\n  ${' '.repeat(width)}  ${k.description}`;
  });
  return (
    `\nSettings (config set KEY [VALUE], an environment variable, or --set KEY=VALUE for one ` +
    `run):\n${lines.join('\n')}\n`
  );
}

export function settingsTable(): string {
  const rows = CONFIG_KEYS.map((k) => {
    const fallback = describeDefault(k);
    const cell = (text: string) => text.replaceAll('|', '\\|');
    return (
      `| \`${k.key}\` | \`${k.env}\` | ${fallback ? `\`${cell(fallback)}\`` : ''} | ` +
      `${cell(k.description)}${k.secret ? ' (secret, stored encrypted)' : ''} |`
    );
  });
  return ['| setting | environment variable | default | what it does |', '| --- | --- | --- | --- |', ...rows].join(
    '\n',
  );
}
