import { ApiParam } from '@nestjs/swagger';

/** Decision and sanction ids: what the use cases accept (anything else is refused before any lookup). */
export const RECORD_ID = '^[A-Za-z0-9_.:]{1,100}$';
/** Exemption list and discretion standard ids, as their file schemas define them. */
export const PUBLISHED_ID = '^[a-z][a-z0-9-]{1,63}$';

/** A path parameter documented with the pattern its check enforces. */
export const ApiIdParam = (name: string, pattern: string, description?: string): MethodDecorator =>
  ApiParam({ name, required: true, schema: { type: 'string', pattern }, ...(description ? { description } : {}) });

/** A published version number (parsed with ParseIntPipe). */
export const ApiVersionParam = (): MethodDecorator => ApiParam({ name: 'version', required: true, schema: { type: 'integer', minimum: 1, maximum: 2147483647 } });
