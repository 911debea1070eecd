import { join } from 'node:path';
import { z } from 'zod';

/** The services behind `/api/<service>/…`, with the variable naming each one's URL. */
export const PROXIED_SERVICES = {
  'case-intake': { env: 'CASE_INTAKE_URL', defaultPort: 3101 },
  'clue-transfer': { env: 'CLUE_TRANSFER_URL', defaultPort: 3102 },
  'evidence-notary': { env: 'EVIDENCE_NOTARY_URL', defaultPort: 3103 },
  notification: { env: 'NOTIFICATION_URL', defaultPort: 3104 },
  audit: { env: 'AUDIT_URL', defaultPort: 3105 },
} as const;

export type ProxiedService = keyof typeof PROXIED_SERVICES;

export interface GatewayConfig {
  port: number;
  /** The built console (index.html + assets). */
  consoleDir: string;
  services: Record<ProxiedService, string>;
  env: Readonly<Record<string, string | undefined>>;
}

const url = z.url({ protocol: /^https?$/ });

/** Reads the environment; a bad value stops start-up naming the variable. */
export function gatewayConfig(env: Readonly<Record<string, string | undefined>> = process.env): GatewayConfig {
  const port = z.coerce.number().int().min(1).max(65535).safeParse(env['PORT'] ?? '3100');
  if (!port.success) throw new Error(`PORT: not a port number: ${env['PORT']}`);
  const services = {} as Record<ProxiedService, string>;
  for (const [name, { env: key, defaultPort }] of Object.entries(PROXIED_SERVICES)) {
    const value = env[key] ?? `http://127.0.0.1:${defaultPort}`;
    if (!url.safeParse(value).success) throw new Error(`${key}: not an http(s) URL: ${value}`);
    services[name as ProxiedService] = value.replace(/\/+$/, '');
  }
  return {
    port: port.data,
    // The webpack bundle runs from dist/apps/gateway; the console builds to dist/apps/console.
    consoleDir: env['CONSOLE_DIR'] ?? join(__dirname, '..', 'console'),
    services,
    env,
  };
}
