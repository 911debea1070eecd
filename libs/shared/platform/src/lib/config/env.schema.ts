import { z } from 'zod';

/** Settings every service reads from its environment (after validation and defaults). */
export interface PlatformEnv {
  /** `development` | `test` | `production` (default `development`). */
  NODE_ENV: 'development' | 'test' | 'production';
  /** HTTP port (default: the service's own default port, else 3000). */
  PORT: number;
  /** Interface to bind (default `127.0.0.1`; `0.0.0.0` in containers). */
  HOST: string;
  /** Kafka bootstrap brokers, parsed from the comma list `host:port,host:port`. */
  KAFKA_BROKERS: string[];
  /** Kafka client id (default: the service name). */
  KAFKA_CLIENT_ID: string;
  /**
   * SASL/SCRAM credentials of the service's own Kafka principal (both or neither; unset: no
   * authentication, for a broker without SASL).
   */
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
  /** `scram-sha-512` (default) or `scram-sha-256`. */
  KAFKA_SASL_MECHANISM: KafkaSaslMechanism;
  /** `mongodb://` or `mongodb+srv://` connection string. */
  MONGO_URL: string;
  /** `redis://` or `rediss://` URL. */
  REDIS_URL: string;
  /** pino level (default `info`). */
  LOG_LEVEL: LogLevel;
  /** Hard limit for a graceful shutdown before the process is forced out (default 10000 ms). */
  SHUTDOWN_TIMEOUT_MS: number;
  /** A request not answered within this is answered 503 with Retry-After (default 15000 ms). */
  REQUEST_DEADLINE_MS: number;
}

export const KAFKA_SASL_MECHANISMS = ['scram-sha-512', 'scram-sha-256'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

export const LOG_LEVELS = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type EnvSource = Record<string, string | undefined>;

export interface EnvSchemaOptions<
  TExtra extends z.ZodRawShape = z.ZodRawShape,
> {
  /** Service name; the default Kafka client id. */
  service: string;
  /** Port used when PORT is unset. */
  defaultPort?: number;
  /** Service-specific variables, validated together with the common ones. */
  extraSchema?: z.ZodObject<TExtra>;
}

/** One bad variable and why. */
export interface ConfigIssue {
  variable: string;
  problem: string;
}

/** Thrown at start-up when the environment does not satisfy the schema. */
export class ConfigValidationError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(
      `Invalid configuration: ${issues.map((i) => `${i.variable}: ${i.problem}`).join('; ')}`,
    );
    this.name = 'ConfigValidationError';
  }
}

const HOST_PORT =
  /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?):(\d{1,5})$/;

function isHostPort(entry: string): boolean {
  const m = HOST_PORT.exec(entry);
  if (!m) return false;
  const port = Number(m[1]);
  return port >= 1 && port <= 65535;
}

const integer = (min: number, max: number, what: string) =>
  z
    .string()
    .regex(/^\d+$/, `must be an integer ${what}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be an integer ${what}`);

function urlWithProtocols(protocols: string[], label: string) {
  return z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `must be a ${label} URL`);
}

/** The common schema; exported so callers can reuse its pieces. */
export function buildEnvSchema(
  options: Pick<EnvSchemaOptions, 'service' | 'defaultPort'>,
) {
  return z.object({
    NODE_ENV: z
      .enum(['development', 'test', 'production'], {
        error: 'must be one of development, test, production',
      })
      .default('development'),
    PORT: integer(1, 65535, 'port 1-65535').default(
      options.defaultPort ?? 3000,
    ),
    HOST: z.string().default('127.0.0.1'),
    KAFKA_BROKERS: z
      .string()
      .transform((s) =>
        s
          .split(',')
          .map((x) => x.trim())
          .filter((x) => x.length > 0),
      )
      .superRefine((list, ctx) => {
        const bad = list.filter((b) => !isHostPort(b));
        if (list.length === 0 || bad.length > 0) {
          ctx.addIssue({
            code: 'custom',
            message:
              'must be a comma-separated list of host:port' +
              (bad.length > 0
                ? ` (bad entr${bad.length > 1 ? 'ies' : 'y'}: ${bad.map((b) => `"${b}"`).join(', ')})`
                : ''),
          });
        }
      }),
    KAFKA_CLIENT_ID: z
      .string()
      .regex(
        /^[A-Za-z0-9._-]+$/,
        'must contain only letters, digits, ".", "_" and "-"',
      )
      .default(options.service),
    KAFKA_SASL_USERNAME: z.string().optional(),
    KAFKA_SASL_PASSWORD: z.string().optional(),
    KAFKA_SASL_MECHANISM: z
      .enum(KAFKA_SASL_MECHANISMS, {
        error: `must be one of ${KAFKA_SASL_MECHANISMS.join(', ')}`,
      })
      .default('scram-sha-512'),
    // WHATWG URL cannot parse multi-host mongodb strings, so check the shape only.
    MONGO_URL: z
      .string()
      .regex(
        /^mongodb(?:\+srv)?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?(?:\?\S*)?$/,
        'must be a mongodb:// or mongodb+srv:// URL',
      ),
    REDIS_URL: urlWithProtocols(['redis:', 'rediss:'], 'redis:// or rediss://'),
    LOG_LEVEL: z
      .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
      .default('info'),
    SHUTDOWN_TIMEOUT_MS: integer(
      100,
      600_000,
      'of milliseconds 100-600000',
    ).default(10_000),
    REQUEST_DEADLINE_MS: integer(
      100,
      600_000,
      'of milliseconds 100-600000',
    ).default(15_000),
  });
}

/**
 * Validate `source` (usually `process.env`): blank values count as unset, unknown variables are
 * dropped, and every problem is reported at once in a {@link ConfigValidationError}.
 */
export function parseEnv<TExtra extends z.ZodRawShape = Record<never, never>>(
  source: EnvSource,
  options: EnvSchemaOptions<TExtra>,
): PlatformEnv & z.infer<z.ZodObject<TExtra>> {
  const cleaned: EnvSource = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined && value.trim() !== '') cleaned[key] = value.trim();
  }
  const base = buildEnvSchema(options);
  const schema = options.extraSchema
    ? base.extend(options.extraSchema.shape)
    : base;
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const issues = result.error.issues.map((issue): ConfigIssue => {
      const variable = issue.path.map(String).join('.') || '(environment)';
      const top = issue.path[0];
      const missing = typeof top === 'string' && cleaned[top] === undefined;
      return { variable, problem: missing ? 'required' : issue.message };
    });
    throw new ConfigValidationError(issues);
  }
  const data = result.data as { KAFKA_SASL_USERNAME?: string; KAFKA_SASL_PASSWORD?: string };
  if ((data.KAFKA_SASL_USERNAME === undefined) !== (data.KAFKA_SASL_PASSWORD === undefined)) {
    const missing = data.KAFKA_SASL_USERNAME === undefined ? 'KAFKA_SASL_USERNAME' : 'KAFKA_SASL_PASSWORD';
    throw new ConfigValidationError([{ variable: missing, problem: 'required with the other KAFKA_SASL_ credential' }]);
  }
  // The base schema's output is PlatformEnv (checked in env.schema.spec.ts).
  return result.data as unknown as PlatformEnv & z.infer<z.ZodObject<TExtra>>;
}
