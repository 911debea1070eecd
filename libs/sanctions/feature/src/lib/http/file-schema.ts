import { z } from 'zod';

/**
 * The JSON Schema of a published file (an exemption list, a discretion standard), from the zod
 * schema the use case validates it with: the contract says what a file looks like, and a file
 * that matches it but fails a cross-field rule (duplicate item ids, dates out of order) is a 422.
 */
export function fileSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' }) as Record<string, unknown>;
}
