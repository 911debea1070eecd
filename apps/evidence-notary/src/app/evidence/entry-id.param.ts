import { ApiParam } from '@nestjs/swagger';

/** Entry ids are UUIDv7 (lower-case hex); anything else names no entry. */
export const ENTRY_ID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';

export const ApiEntryIdParam = (): MethodDecorator => ApiParam({ name: 'id', required: true, schema: { type: 'string', pattern: ENTRY_ID_PATTERN } });
