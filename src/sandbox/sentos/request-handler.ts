/**
 * One request through the simulator, in the order a real deployment would meet it: firm (subdomain) check,
 * injected infrastructure faults, authentication, rate limits, then the route.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector, FaultKind } from '../faults.js';
import { isAuthorised } from './auth.js';
import { sleep } from '../latency.js';
import { delay, parseJsonBody, readBody, sendJson } from './http-io.js';
import { formatRetryAfter, type SentosLimiter } from './limits.js';
import type { ResolvedSentosOptions } from './options.js';
import { orderRoutes } from './orders-routes.js';
import { productRoutes } from './products-routes.js';
import { referenceRoutes } from './reference-routes.js';
import { matchRoute, message, type RouteMatch, type RouteResult } from './router.js';
import { markShipped, shipInputFromBody } from './panel.js';
import type { SentosState } from './state.js';
import type { SentosSimStats, StatsRecorder } from './stats.js';

const ROUTES = [...productRoutes, ...orderRoutes, ...referenceRoutes];
const SUPPORTED_FAULTS: readonly FaultKind[] = ['rate-limit', 'server-error', 'drop-before', 'drop-after', 'slow'];
export const STATS_PATH = '/__sandbox/stats';
/** Control route: mark an order shipped as the panel would (panel.ts); not part of the Sentos API. */
export const SHIP_PATH = '/__sandbox/ship';

export interface HandlerDeps {
  options: ResolvedSentosOptions;
  state: SentosState;
  faults: FaultInjector;
  stats: StatsRecorder;
  limiter: SentosLimiter;
  snapshot(): SentosSimStats;
}

interface Incoming {
  req: IncomingMessage;
  method: string;
  url: URL;
  raw: string;
  match: RouteMatch;
}

export function createRequestHandler(deps: HandlerDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  let serverErrors = 0;
  /** Returns true when the fault answered (or dropped) the request. */
  const preFault = async (fault: FaultKind | undefined, res: ServerResponse): Promise<boolean> => {
    if (fault === 'slow') await delay(deps.faults.slowMs);
    if (fault === 'drop-before') res.socket?.destroy();
    else if (fault === 'rate-limit') {
      sendJson(res, 429, { message: 'Too Many Requests' }, { 'retry-after': String(deps.faults.retryAfterSeconds) });
    } else if (fault === 'server-error') {
      const status = serverErrors++ % 2 === 0 ? 500 : 503;
      sendJson(res, status, { message: status === 500 ? 'Internal Server Error' : 'Service Unavailable' });
    } else return false;
    return true;
  };

  return async (req, res) => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const raw = await readBody(req);
    if (url.pathname === STATS_PATH) return sendJson(res, 200, deps.snapshot());
    if (url.pathname === SHIP_PATH && method === 'POST') return ship(deps, raw, res);
    if (url.pathname !== '/api' && !url.pathname.startsWith('/api/')) {
      deps.stats.request(method, `${method} (no firm)`);
      // docs/sentos-api.md#base-url-auth-and-transport [V: ERPD]: a wrong subdomain is a 404 with this message.
      return sendJson(res, 404, { message: 'Firma adı (subdomain) bulunamadı' });
    }
    const match = matchRoute(ROUTES, method, url.pathname.slice('/api'.length) || '/');
    deps.stats.request(method, match.key);
    const fault = deps.faults.next(SUPPORTED_FAULTS);
    if (await preFault(fault, res)) return;
    // Limits are counted and the state changed on arrival; the answer then takes its latency on a timer, so
    // requests in flight overlap (docs/sentos-api.md#latency-model).
    const result = processRequest(deps, { req, method, url, raw, match });
    await sleep(deps.options.latency.sentos(method));
    // drop-after: the write happened, the client never hears of it (faults.ts).
    if (fault === 'drop-after') return void res.socket?.destroy();
    sendJson(res, result.status, result.body, result.headers);
  };
}

function processRequest(deps: HandlerDeps, incoming: Incoming): RouteResult {
  const { options, state } = deps;
  const { req, method, url, raw, match } = incoming;
  if (!isAuthorised(req.headers, options.acceptAuth, options)) {
    deps.stats.unauthorized();
    return message(401, 'Unauthorized');
  }
  if (match.kind === 'not-found') return message(404, 'Not Found');
  if (match.kind === 'method-not-allowed') return message(405, 'Method Not Allowed');
  const now = options.now();
  const isRead = method === 'GET' || method === 'HEAD';
  const decision = deps.limiter.check(isRead ? 'read' : 'write', `${method} ${url.pathname}${url.search} ${raw}`, now);
  if (decision.limited) {
    deps.stats.rateLimited(match.key);
    const { windowMs, sendRetryAfter } = options.limits;
    const headers = sendRetryAfter ? { 'retry-after': formatRetryAfter(decision.retryAfterMs, windowMs) } : undefined;
    return { ...message(429, 'Too Many Requests'), ...(headers ? { headers } : {}) };
  }
  const body = parseJsonBody(raw);
  if (!body.ok) return message(400, 'Geçersiz JSON gövdesi');
  return match.route.handle({ state, options, params: match.params, query: url.searchParams, body: body.value, now });
}

function ship(deps: HandlerDeps, raw: string, res: ServerResponse): void {
  const body = parseJsonBody(raw);
  const input = body.ok ? shipInputFromBody(body.value) : 'body is not JSON';
  if (typeof input === 'string') return sendJson(res, 422, { message: input });
  try {
    sendJson(res, 200, { order: markShipped(deps.state, deps.options, { ...input, nowMs: deps.options.now() }) });
  } catch (error) {
    sendJson(res, 404, { message: error instanceof Error ? error.message : String(error) });
  }
}
