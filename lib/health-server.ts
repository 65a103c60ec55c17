import http from 'node:http';
import { registry } from './metrics.ts';

/**
 * /healthz (the process is up), /readyz (its dependencies answer) and /metrics, for the
 * worker and the bot, each on its own port, never on the bot's public events port.
 */
export function healthHandler(ready: () => Promise<boolean>) {
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    } else if (path === '/readyz') {
      const ok = await ready().catch(() => false);
      res.writeHead(ok ? 200 : 503, { 'content-type': 'text/plain' }).end(ok ? 'ready' : 'not ready');
    } else if (path === '/metrics') {
      res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
    } else {
      return false;
    }
    return true;
  };
}

/** Listens on `host` only (METRICS_HOST, loopback by default): the endpoints have no authentication. */
export async function startHealthServer(port: number, ready: () => Promise<boolean>, host = '127.0.0.1'): Promise<http.Server> {
  const handle = healthHandler(ready);
  const server = http.createServer((req, res) => {
    void handle(req, res).then((done) => {
      if (!done) res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(port, host, r));
  return server;
}
