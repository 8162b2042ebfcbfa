/**
 * Test support for the simulator's own tests: real HTTP over loopback with Node's fetch (and node:http for
 * what fetch refuses: a GET with a body).
 */
import { request } from 'node:http';
import type { SentosSimulator } from './server.js';

export const RELAXED_LIMITS = { postsPerWindow: 100_000, sameGetPerWindow: 100_000 };

export interface Reply {
  status: number;
  headers: Headers;
  /** Arbitrary JSON: tests assert its structure. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert the JSON's shape with expect()
  body: any;
}

export function basicAuth(sim: Pick<SentosSimulator, 'apiKey' | 'apiSecret'>): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${sim.apiKey}:${sim.apiSecret}`).toString('base64')}` };
}

export async function call(
  sim: SentosSimulator,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers = { accept: 'application/json', ...(options.headers ?? basicAuth(sim)) };
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    (headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const response = await fetch(`${sim.url}${path}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** node:http request; resolves 'dropped' when the server destroys the socket without answering. */
export function rawCall(
  sim: SentosSimulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<Reply | 'dropped'> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const headers = {
      ...basicAuth(sim),
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text ?? '')),
      connection: 'close',
    };
    const req = request(`${sim.url}${path}`, { method, headers }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (data += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: new Headers(res.headers as Record<string, string>),
          body: data ? (JSON.parse(data) as unknown) : undefined,
        }),
      );
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' ? resolve('dropped') : reject(error),
    );
    req.end(text);
  });
}

export function anOrder(overrides: Record<string, unknown> = {}, sku = 'SKU-1'): Record<string, unknown> {
  return {
    order_id: '6123456789012',
    order_code: '1042',
    status: 2,
    channel_id: 3,
    order_date: '2026-11-27 14:05:11',
    currency: 'TL',
    payment_method: 'KREDIKARTI/BANKAKARTI',
    shipping_total: 49.9,
    note: 'Shopify #1042',
    customer: { name: 'Ayşe Yılmaz', phone: '905321112233', mail_address: 'ayse@example.com' },
    shipment_address: {
      name: 'Ayşe Yılmaz',
      address: 'Caferağa Mah. Moda Cad. No:12',
      city: 'İstanbul',
      district: 'Kadıköy',
      zipCode: 34710,
    },
    lines: [{ warehouse_id: 1, sku, name: 'Kruvaze Yaka Midi Elbise', quantity: 2, price: 1299.9, vat_rate: 10 }],
    ...overrides,
  };
}
