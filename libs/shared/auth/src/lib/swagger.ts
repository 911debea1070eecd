import { DocumentBuilder } from '@nestjs/swagger';
import { AUTH_ISSUER, BEARER_AUTH_NAME } from './auth.constants';

/**
 * Declares the bearer (JWT) security scheme used by `@ApiAuth()` / `@ApiBearerAuth()`:
 * `const config = addBearerAuth(new DocumentBuilder().setTitle('case-intake')).build();`
 */
export function addBearerAuth(builder: DocumentBuilder): DocumentBuilder {
  return builder.addBearerAuth(
    {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: `HS256 JWT issued by ${AUTH_ISSUER} with claims sub, role, bureau (dev tokens: libs/shared/auth/src/cli/mint-token.ts)`,
    },
    BEARER_AUTH_NAME,
  );
}
