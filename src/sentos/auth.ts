import type { SentosAuthMethod } from './types.js';
export { SENTOS_AUTH_METHODS } from './types.js';

/**
 * How each auth method puts the credentials on a request. Only Basic is what the real API uses
 * (docs/sentos-api.md#base-url-auth-and-transport [V: SAL, MSO, LSC, ERPD, SFB, SCX, SA2, VGP]); the other three are
 * our contract with the seed's alternatives, kept so `detectAuth()` can find whichever a tenant (or the sandbox)
 * accepts.
 */
export function sentosAuthHeaders(method: SentosAuthMethod, apiKey: string, apiSecret: string): Record<string, string> {
  switch (method) {
    case 'basic':
      return { authorization: `Basic ${basicToken(apiKey, apiSecret)}` };
    case 'headers':
      return { 'x-api-key': apiKey, 'x-api-secret': apiSecret };
    case 'bearer':
      return { authorization: `Bearer ${basicToken(apiKey, apiSecret)}` };
    case 'token':
      return { authorization: `Token ${apiKey}:${apiSecret}` };
  }
}

/** base64("key:secret") in UTF-8, as HTTP Basic sends it (RFC 7617). */
export function basicToken(apiKey: string, apiSecret: string): string {
  return Buffer.from(`${apiKey}:${apiSecret}`, 'utf8').toString('base64');
}

/** An answer that says "these credentials, in this form, are not accepted" [V: ERPD, SFB treat 403 as auth too]. */
export function isAuthRejection(status: number): boolean {
  return status === 401 || status === 403;
}
