import { Module, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { AuthModule } from '@yrd/auth';
import { BackboneModule } from '@yrd/backbone';
import { eventCatalog } from '@yrd/contracts';
import { createHttpApp, PlatformModule } from '@yrd/platform';
import { infraEnv, mongoUrlFor, uniqueName } from '@yrd/testing';
import { PenaltyDecisionsModule, RecognitionSanctionsModule, SanctionsModule } from '../sanctions.module';

/**
 * A small service: platform, auth, the backbone (sanctions context) and a sanctions module. Name
 * it after the real service it stands for (`case-intake`, `clue-transfer`): the name picks its
 * signing key, and only those services may sign sanctions events.
 */
export function sanctionsTestModule(service: string, feature: Type | DynamicModule): Type {
  @Module({
    imports: [
      PlatformModule.forService({ service, defaultPort: 0 }),
      AuthModule.forRoot(),
      // Like the real apps, whose backbones list other contexts: the sanctions module provisions its own topic.
      BackboneModule.forService({ service, contexts: ['intake'], catalog: eventCatalog }),
      feature,
    ],
  })
  class SanctionsTestApp {}
  return SanctionsTestApp;
}

/** Environment for one run on the real local servers: own database and topic namespace. */
export function sanctionsTestEnv(secret: string, extra: Record<string, string> = {}): Record<string, string> {
  const namespace = uniqueName('sn');
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    KAFKA_BROKERS: infraEnv().kafkaBrokers.join(','),
    MONGO_URL: mongoUrlFor(namespace),
    REDIS_URL: infraEnv().redisUrl,
    AUTH_JWT_SECRET: secret,
    KAFKA_TOPIC_NAMESPACE: namespace,
    ...extra,
  };
}

export async function bootSanctionsApp(service: string, feature: 'decisions' | 'recognition' | 'all'): Promise<INestApplication> {
  const module = feature === 'decisions' ? PenaltyDecisionsModule : feature === 'recognition' ? RecognitionSanctionsModule : SanctionsModule;
  const app = await createHttpApp(sanctionsTestModule(service, module), { service, shutdownHooks: false });
  await app.init();
  return app;
}
