import { Inject, Injectable } from '@nestjs/common';
import type { PlatformEnv } from './env.schema';

/** Injection token of the validated environment object (`PlatformEnv & extra`). */
export const PLATFORM_ENV = Symbol('PLATFORM_ENV');

/**
 * Typed, read-only access to the validated configuration.
 *
 * ```ts
 * constructor(private readonly config: PlatformConfig<{ WEBHOOK_SECRET: string }>) {}
 * this.config.get('WEBHOOK_SECRET'); // string
 * this.config.get('KAFKA_BROKERS');  // string[]
 * ```
 * `ConfigService<PlatformEnv, true>` from `@nestjs/config` sees the same values.
 */
@Injectable()
export class PlatformConfig<TExtra extends object = Record<never, never>> {
  constructor(
    @Inject(PLATFORM_ENV) private readonly env: PlatformEnv & TExtra,
  ) {}

  get<K extends keyof (PlatformEnv & TExtra)>(
    key: K,
  ): (PlatformEnv & TExtra)[K] {
    return (this.env as PlatformEnv & TExtra)[key];
  }

  /** The whole validated object (frozen). */
  all(): Readonly<PlatformEnv & TExtra> {
    return this.env;
  }

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }
}
