/**
 * The Sentos API simulator: a loopback HTTP server that behaves like sentos-api.md describes, strict where
 * the reference only infers. It imports nothing from src/sentos/: an independent oracle
 * (docs/house-style.md#the-sandbox-is-an-independent-oracle).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFaultInjector } from '../faults.js';
import { generateCatalog } from '../seed/catalog.js';
import { sendJson } from './http-io.js';
import { createLimiter } from './limits.js';
import { resolveOptions, type SentosSimulatorOptions } from './options.js';
import { createRequestHandler } from './request-handler.js';
import { markShipped, type ShipInput } from './panel.js';
import { createSentosState, type SentosState } from './state.js';
import { createStatsRecorder, type SentosSimStats } from './stats.js';
import type { WireOrder } from './wire-types.js';

export interface SentosSimulator {
  /** Base URL including /api, e.g. http://127.0.0.1:PORT/api. */
  url: string;
  apiKey: string;
  apiSecret: string;
  state: SentosState;
  /** Marks an order shipped (status 5, cargo company, tracking number) as the panel would (panel.ts). */
  markShipped(input: ShipInput): WireOrder;
  stats(): SentosSimStats;
  resetStats(): void;
  close(): Promise<void>;
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Also drops keep-alive connections, so close() does not wait for idle clients. */
function close(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

export async function startSentosSimulator(input: SentosSimulatorOptions = {}): Promise<SentosSimulator> {
  const options = resolveOptions(input);
  const state = options.catalog
    ? createSentosState(options.catalog)
    : createSentosState(generateCatalog({ seed: options.seed, count: options.products }), { copy: false });
  const faults = createFaultInjector(options.faults);
  const stats = createStatsRecorder(faults);
  const snapshot = () => stats.snapshot(state.orders.length);
  const handle = createRequestHandler({
    options,
    state,
    faults,
    stats,
    limiter: createLimiter(options.limits),
    snapshot,
  });
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      sendJson(res, 500, { message: `sandbox error: ${error instanceof Error ? error.message : String(error)}` });
    });
  });
  const address = await listen(server, options.host, options.port);
  let closing: Promise<void> | undefined;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/api`,
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    state,
    markShipped: (ship) => markShipped(state, options, { nowMs: options.now(), ...ship }),
    stats: snapshot,
    resetStats: () => stats.reset(),
    close: () => closing ?? (closing = close(server)),
  };
}
