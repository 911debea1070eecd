import { Body, Controller, Get, Module, Post, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AuthModule, devUser, mintToken } from '@yrd/auth';
import { BackboneModule } from '@yrd/backbone';
import { eventCatalog, type BoundedContext } from '@yrd/contracts';
import { createHttpApp, PlatformModule } from '@yrd/platform';
import { dropRunDatabase, infraEnv, mongoUrlFor, uniqueName } from '@yrd/testing';

@Controller('bench')
class NoopController {
  /** Authenticated no-op GET: what the HTTP stack (express, JWT guard, pipes) costs on its own. */
  @Get('noop')
  noopGet() {
    return { ok: true };
  }

  /** Authenticated no-op POST taking a JSON body: the same, with body parsing and validation. */
  @Post('noop')
  noopPost(@Body() body: unknown) {
    return { ok: body !== undefined };
  }
}

export interface BenchApp {
  app: INestApplication;
  port: number;
  /** An Authorization header for a demo user. */
  bearer(user: string): string;
  /** Closes the app, drops the run's database and deletes its queues' keys from Redis. */
  close(): Promise<void>;
}

/**
 * A feature module on the real local Kafka/FerretDB/Redis, the way a service hosts it (platform,
 * auth, backbone), in a namespace of its own (topics, database, queues), listening on a free port, with
 * `/bench/noop` (GET and POST) as the HTTP baseline. `service` names the real service it stands for:
 * it picks the signing key, and only some services may sign each context.
 */
export async function startBenchApp(opts: { service: string; contexts: BoundedContext[]; imports: Array<Type | DynamicModule> }): Promise<BenchApp> {
  const namespace = uniqueName(opts.service.slice(0, 3));
  const secret = `${opts.service}-secret-0123456789abcdef-0123456789`;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    KAFKA_BROKERS: infraEnv().kafkaBrokers.join(','),
    MONGO_URL: mongoUrlFor(namespace),
    REDIS_URL: infraEnv().redisUrl,
    AUTH_JWT_SECRET: secret,
    KAFKA_TOPIC_NAMESPACE: namespace,
    QUEUE_PREFIX: namespace,
  });
  class BenchModule {}
  Module({
    imports: [
      PlatformModule.forService({ service: opts.service, defaultPort: 0 }),
      AuthModule.forRoot(),
      BackboneModule.forService({ service: opts.service, contexts: opts.contexts, catalog: eventCatalog }),
      ...opts.imports,
    ],
    controllers: [NoopController],
  })(BenchModule);
  const app = await createHttpApp(BenchModule, { service: opts.service, shutdownHooks: false });
  await app.listen(0, '127.0.0.1');
  return {
    app,
    port: (app.getHttpServer().address() as { port: number }).port,
    bearer: (user) => `Bearer ${mintToken(devUser(user), { secret, ttl: '1h' })}`,
    close: async () => {
      await app.close();
      await dropRunDatabase(mongoUrlFor(namespace));
      const redis = new Redis(infraEnv().redisUrl);
      for await (const keys of redis.scanStream({ match: `${namespace}:*`, count: 500 })) if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
      redis.disconnect();
    },
  };
}
