/** A word the shell reads back exactly: bare when safe, else single-quoted ('\'' for a quote inside). */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
