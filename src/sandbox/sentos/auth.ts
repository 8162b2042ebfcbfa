/**
 * Authentication as the simulator checks it. Basic (key:secret) is the real one
 * (docs/sentos-api.md#base-url-auth-and-transport [V: all credible sources]); the other three are the seed's contract,
 * kept so the client's auto-detection has something to detect. Only the configured method is accepted: anything else is
 * 401.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { SentosSimAuth } from './options.js';

export interface Credentials {
  apiKey: string;
  apiSecret: string;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** "Basic abc" → "abc" when the scheme matches (schemes are case-insensitive, RFC 9110 §11.1). */
function credentialsFor(headers: IncomingHttpHeaders, scheme: string): string | undefined {
  const match = /^(\S+)\s+(.+)$/.exec(header(headers, 'authorization')?.trim() ?? '');
  return match && match[1]?.toLowerCase() === scheme ? match[2] : undefined;
}

function decodeBase64(text: string | undefined): string | undefined {
  if (text === undefined || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  return Buffer.from(text, 'base64').toString('utf8');
}

export function isAuthorised(headers: IncomingHttpHeaders, method: SentosSimAuth, creds: Credentials): boolean {
  const pair = `${creds.apiKey}:${creds.apiSecret}`;
  switch (method) {
    case 'basic':
      return decodeBase64(credentialsFor(headers, 'basic')) === pair;
    case 'bearer':
      return decodeBase64(credentialsFor(headers, 'bearer')) === pair;
    case 'token':
      return credentialsFor(headers, 'token') === pair;
    case 'headers':
      return header(headers, 'x-api-key') === creds.apiKey && header(headers, 'x-api-secret') === creds.apiSecret;
  }
}
