import type { Router } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { GatewayConfig, ProxiedService } from './gateway-config';

/**
 * `/api/<service>/<path>` → `<service URL>/<path>`: one origin for the console and every API, so
 * the browser needs no CORS. Bodies stream through (evidence uploads are not buffered here); the
 * services still check every token and scope themselves.
 */
export function mountServiceProxies(router: Router, config: GatewayConfig): void {
  for (const [name, target] of Object.entries(config.services) as [ProxiedService, string][]) {
    router.use(
      `/api/${name}`,
      createProxyMiddleware({
        target,
        changeOrigin: true,
        xfwd: true,
        proxyTimeout: 120_000,
        on: {
          error: (_err, _req, res) => {
            // A service that is down is the gateway's 502, with a reason the console can show.
            if ('writeHead' in res && !res.headersSent) {
              res.writeHead(502, { 'content-type': 'application/json' });
              res.end(JSON.stringify({ statusCode: 502, message: `${name} is not reachable` }));
            }
          },
        },
      }),
    );
  }
}
