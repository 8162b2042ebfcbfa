import { describe, expect, it } from 'vitest';
import { basicToken, isAuthRejection, SENTOS_AUTH_METHODS, sentosAuthHeaders } from './auth.js';

const KEY = 'anahtar-123';
const SECRET = 'şifre:456';
const B64 = Buffer.from(`${KEY}:${SECRET}`, 'utf8').toString('base64');

describe('sentosAuthHeaders', () => {
  it.each([
    ['basic', { authorization: `Basic ${B64}` }],
    ['headers', { 'x-api-key': KEY, 'x-api-secret': SECRET }],
    ['bearer', { authorization: `Bearer ${B64}` }],
    ['token', { authorization: `Token ${KEY}:${SECRET}` }],
  ] as const)('%s', (method, expected) => {
    expect(sentosAuthHeaders(method, KEY, SECRET)).toEqual(expected);
  });

  it('encodes the Basic pair as UTF-8 base64 of key:secret', () => {
    expect(Buffer.from(basicToken(KEY, SECRET), 'base64').toString('utf8')).toBe(`${KEY}:${SECRET}`);
  });

  it('detects in the documented order: basic (verified) first', () => {
    expect(SENTOS_AUTH_METHODS).toEqual(['basic', 'headers', 'bearer', 'token']);
  });

  it.each([
    [401, true],
    [403, true],
    [404, false],
    [200, false],
    [429, false],
  ])('isAuthRejection(%i) = %s', (status, expected) => {
    expect(isAuthRejection(status)).toBe(expected);
  });
});
