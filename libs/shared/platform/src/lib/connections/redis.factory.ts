import { Redis, type RedisOptions } from 'ioredis';
import type { PinoLogger } from 'nestjs-pino';

/**
 * ioredis options for `url`. `maxRetriesPerRequest: null` is what BullMQ workers require, so the
 * same options can be handed to BullMQ (`{ connection: redisOptions }`); reconnects back off to 2 s.
 */
export function redisOptions(
  url: string,
  connectionName: string,
): RedisOptions {
  const u = new URL(url);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    connectionName,
    maxRetriesPerRequest: null,
    lazyConnect: false,
    connectTimeout: 5_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  };
}

const SHARED_CLIENT_COMMAND_TIMEOUT_MS = 5_000;

/**
 * The shared client. Errors are logged (at most one line per 30 s while it stays down) instead
 * of crashing the process; ioredis keeps reconnecting in the background.
 */
export function createRedis(options: RedisOptions, logger: PinoLogger): Redis {
  // The shared client never runs blocking commands (BullMQ makes its own connections from
  // REDIS_OPTIONS), so every command can have a deadline: nothing waits forever.
  const client = new Redis({ ...options, commandTimeout: SHARED_CLIENT_COMMAND_TIMEOUT_MS });
  let lastErrorLog = 0;
  client.on('error', (err: Error) => {
    const now = Date.now();
    if (now - lastErrorLog >= 30_000) {
      lastErrorLog = now;
      logger.warn(
        { err, host: options.host, port: options.port },
        'Redis connection error (retrying)',
      );
    }
  });
  client.on('ready', () => {
    if (lastErrorLog !== 0)
      logger.info(
        { host: options.host, port: options.port },
        'Redis connection restored',
      );
    lastErrorLog = 0;
  });
  return client;
}

function waitForEnd(client: Redis, ms: number): Promise<void> {
  if (client.status === 'end') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      client.off('end', done);
      resolve();
    }
    client.once('end', done);
  });
}

/**
 * Close gracefully when connected (QUIT, then wait for the socket to close), else drop the socket
 * and stop reconnecting. A client waiting between reconnect attempts just has its timer cleared
 * (ioredis leaves its status at `reconnecting` then; nothing stays open).
 */
export async function closeRedis(
  client: Redis,
  timeoutMs = 2_000,
): Promise<void> {
  if (client.status === 'end') return;
  if (client.status === 'ready') {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        client.quit(),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error('QUIT timed out')),
            timeoutMs,
          );
        }),
      ]);
      await waitForEnd(client, timeoutMs);
      return;
    } catch {
      // fall through to a hard disconnect
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
  const wasReconnecting = client.status === 'reconnecting';
  client.disconnect(false);
  if (!wasReconnecting) await waitForEnd(client, 500);
}
