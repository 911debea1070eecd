import { DynamicModule, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtAuthGuard } from './jwt-auth.guard';
import { RolesGuard } from './roles.guard';
import { resolveJwtSecret } from './secret';
import { AuthTokenService } from './token';

export interface AuthModuleOptions {
  /** Explicit signing key (tests); default: AUTH_JWT_SECRET via `resolveJwtSecret`. */
  secret?: string;
  /** Environment to read NODE_ENV and AUTH_JWT_SECRET from (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Import once in each app's root module: `imports: [AuthModule.forRoot()]`.
 * Global: registers JwtAuthGuard then RolesGuard as APP_GUARDs and exports AuthTokenService.
 * Fails start-up (AuthConfigError naming AUTH_JWT_SECRET) when the key is missing or too short
 * outside development/test.
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions = {}): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        {
          provide: AuthTokenService,
          useFactory: (): AuthTokenService => {
            const logger = new Logger('AuthModule');
            return new AuthTokenService(
              resolveJwtSecret({
                ...options,
                warn: (message) => logger.warn(message),
              }),
            );
          },
        },
        // Order matters: authentication first, then authorisation.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
      exports: [AuthTokenService],
    };
  }
}
