import express, { type Express } from 'express';
import { mountConsole } from './console-static';
import { mountDevLogin } from './dev-login';
import type { GatewayConfig } from './gateway-config';
import { mountServiceProxies } from './service-proxy';

/** The console's one origin: its files, the services' APIs under /api, development sign-in. */
export function createGateway(config: GatewayConfig): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  mountDevLogin(app, config.env);
  mountServiceProxies(app, config);
  app.use('/api', (req, res) => {
    res.status(404).json({ statusCode: 404, message: `no such API: ${req.originalUrl}` });
  });
  mountConsole(app, config.consoleDir);
  return app;
}
