import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { PinoLogger } from 'nestjs-pino';
import { closeRedis } from './redis.factory';
import { REDIS } from './tokens';

/**
 * Closes the shared connections in `onApplicationShutdown`.
 *
 * Nest runs, in order: every `onModuleDestroy`, every `beforeApplicationShutdown`, closes the HTTP
 * server, then every `onApplicationShutdown` — module by module, non-global modules first and
 * global modules last, global ones in reverse import order. `PlatformModule` is global and should
 * be the first import of `AppModule`, so this runs after the Kafka consumers/producers and BullMQ
 * workers of the other libs have stopped (whichever of the hooks they use).
 */
@Injectable()
export class ConnectionsLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @InjectConnection() private readonly mongo: Connection,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('Platform');
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    const results = await Promise.allSettled([
      closeRedis(this.redis),
      this.mongo.close(),
    ]);
    const failed = results.filter(
      (r): r is PromiseRejectedResult => r.status === 'rejected',
    );
    for (const f of failed)
      this.logger.warn({ err: f.reason }, 'Error while closing a connection');
    this.logger.info({ signal }, 'Connections closed (Redis, MongoDB)');
  }
}
