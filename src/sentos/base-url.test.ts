import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { normalizeSentosBaseUrl } from './base-url.js';

describe('normalizeSentosBaseUrl', () => {
  it.each([
    ['firma', 'https://firma.sentos.com.tr/api'],
    ['  Firma  ', 'https://firma.sentos.com.tr/api'],
    ['stil-demo', 'https://stil-demo.sentos.com.tr/api'],
    ['firma.sentos.com.tr', 'https://firma.sentos.com.tr/api'],
    ['https://firma.sentos.com.tr', 'https://firma.sentos.com.tr/api'],
    ['https://firma.sentos.com.tr/panel/x', 'https://firma.sentos.com.tr/api'],
    ['https://firma.sentos.com.tr/api/', 'https://firma.sentos.com.tr/api'],
    ['https://firma.sentos.com.tr/api', 'https://firma.sentos.com.tr/api'],
    ['https://FIRMA.sentos.com.tr/urun_sayfalari/x.php?a=1', 'https://firma.sentos.com.tr/api'],
    ['https://proxy.example.com/sentos', 'https://proxy.example.com/sentos'],
    ['https://proxy.example.com/sentos/', 'https://proxy.example.com/sentos'],
    ['https://proxy.example.com', 'https://proxy.example.com/api'],
    ['https://proxy.example.com:8443/', 'https://proxy.example.com:8443/api'],
    ['http://127.0.0.1:4010/api', 'http://127.0.0.1:4010/api'],
    ['http://127.0.0.1:4010/api/', 'http://127.0.0.1:4010/api'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010/api'],
    ['http://127.5.6.7:80/x', 'http://127.5.6.7/x'],
    ['http://localhost:3000/api', 'http://localhost:3000/api'],
    ['http://[::1]:3000/api', 'http://[::1]:3000/api'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeSentosBaseUrl(input)).toBe(expected);
  });

  it.each([
    ['http://firma.sentos.com.tr/api', /plain http/],
    ['http://example.com', /plain http/],
    ['http://10.0.0.5/api', /plain http/],
    ['', /empty/],
    ['   ', /empty/],
    ['ftp://firma.sentos.com.tr', /https/],
    ['https://', /not a valid/],
  ])('refuses %j', (input, message) => {
    let caught: unknown;
    try {
      normalizeSentosBaseUrl(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).message).toMatch(message);
    expect((caught as ConfigError).hint).toMatch(/SENTOS_API_URL/);
  });
});
