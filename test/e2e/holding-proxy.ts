import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HoldingProxy {
  url: string;
  /** While true, requests wait at the proxy (arrived, not forwarded); `release()` sends them on. */
  hold: boolean;
  release(): void;
  close(): Promise<void>;
}

/**
 * A loopback proxy that can hold requests: a run whose every call waits here is provably still running, however
 * slow the machine, until the test lets it go. No request is lost or answered by the proxy itself.
 */
export async function holdingProxy(target: string): Promise<HoldingProxy> {
  const queue: Array<() => void> = [];
  const state = { hold: false };
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const upstream = httpRequest(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };
  const server = createServer((req, res) => {
    if (state.hold) {
      req.pause();
      queue.push(() => {
        req.resume();
        forward(req, res);
      });
    } else forward(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get hold() {
      return state.hold;
    },
    set hold(value: boolean) {
      state.hold = value;
    },
    release: () => {
      state.hold = false;
      queue.splice(0).forEach((send) => send());
    },
    close: () =>
      new Promise<void>((resolve) => {
        queue.splice(0);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
