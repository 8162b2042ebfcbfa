/**
 * Secrets never reach an error, a log line or a debug line. Two layers:
 * - structural: known secret headers and URL credentials are masked wherever they are printed;
 * - by value: every secret the run knows is registered, and any text that leaves the process is scrubbed
 *   of those values (and of their Basic/base64 forms), so a secret echoed in a response body is caught too.
 */

const SECRET_HEADERS = new Set([
  'authorization',
  'x-shopify-access-token',
  'x-api-key',
  'x-api-secret',
  'cookie',
  'set-cookie',
  'proxy-authorization',
]);

export const MASK = '****';

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? MASK : value;
  }
  return out;
}

const SECRET_QUERY_PARAMS = /([?&](?:access_token|token|client_secret|api_key|apikey|secret|password)=)[^&#]*/gi;

export function redactUrl(url: string): string {
  return url.replace(/\/\/[^/@\s]*@/g, `//${MASK}@`).replace(SECRET_QUERY_PARAMS, `$1${MASK}`);
}

/** Values that must never be printed; short values are ignored to avoid masking ordinary words. */
export class SecretRegistry {
  private readonly values = new Set<string>();
  /** Longest first, so a secret that contains another is masked whole; kept sorted, redact runs per piece. */
  private sorted: string[] = [];

  add(...secrets: Array<string | undefined>): void {
    for (const secret of secrets) {
      if (!secret || secret.length < 4) continue;
      this.values.add(secret);
    }
    this.sorted = [...this.values].sort((a, b) => b.length - a.length);
  }

  /** Register a Basic credential pair: the raw parts and the base64 form that travels in the header. */
  addBasic(user: string | undefined, password: string | undefined): void {
    this.add(user, password);
    if (user && password) this.add(Buffer.from(`${user}:${password}`).toString('base64'));
  }

  redact(text: string): string {
    let out = redactUrl(text);
    for (const value of this.sorted) if (out.includes(value)) out = out.split(value).join(MASK);
    return out;
  }
}

/** One registry per process: the CLI registers resolved credentials once, every printer scrubs with it. */
export const secrets = new SecretRegistry();
