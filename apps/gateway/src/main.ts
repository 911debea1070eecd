import { createGateway } from './app/gateway';
import { gatewayConfig } from './app/gateway-config';

const config = gatewayConfig();
const server = createGateway(config).listen(config.port, '0.0.0.0', () => {
  console.log(JSON.stringify({ level: 'info', msg: `console and APIs on http://127.0.0.1:${config.port}`, consoleDir: config.consoleDir }));
});

// SIGTERM: stop accepting, let open requests finish, exit 0.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
  });
}
