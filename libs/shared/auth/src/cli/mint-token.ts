/**
 * Mints a development access token and prints only the token.
 *
 *   npx ts-node -P libs/shared/auth/tsconfig.lib.json libs/shared/auth/src/cli/mint-token.ts \
 *     --role officer --bureau 310118 --sub officer-qp-1 [--name "…"] [--ttl 8h] [--secret …]
 *   … mint-token.ts --user officer-qp-1        (a demo user from DEV_USERS)
 *   … mint-token.ts --list                     (list the demo users)
 *
 * The key is found as by the services: --secret, else AUTH_JWT_SECRET, else (only with
 * NODE_ENV=development or test) the development key. This is a developer's tool: an unset
 * NODE_ENV counts as development here (the services themselves still refuse to start without a
 * key when it is unset); with NODE_ENV=production it needs AUTH_JWT_SECRET or --secret.
 */
import { Command, CommanderError, Option } from 'commander';
import { DEV_USERS, devUser } from '../lib/dev-users';
import { parsePrincipal, Principal, ROLES } from '../lib/principal';
import { DEFAULT_TOKEN_TTL, mintToken, parseTtl } from '../lib/token';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env?: Readonly<Record<string, string | undefined>>;
}

interface CliOptions {
  user?: string;
  role?: string;
  bureau?: string;
  sub?: string;
  name?: string;
  ttl: string;
  secret?: string;
  list?: boolean;
}

/** Runs the CLI on `argv` (without node and script); returns the exit code. */
export function runMintTokenCli(argv: readonly string[], io: CliIo): number {
  const program = new Command('mint-token')
    .description('Mint a YRD development access token (HS256 JWT) and print it')
    .addOption(
      new Option(
        '--user <id>',
        'take sub/role/bureau/name from a demo user (see --list)',
      ),
    )
    .addOption(new Option('--role <role>', 'role claim').choices(ROLES))
    .option(
      '--bureau <code>',
      'bureau claim: 6-digit administrative division code, e.g. 310118',
    )
    .option('--sub <id>', 'user id (sub claim)')
    .option('--name <name>', 'display name (name claim)')
    .option(
      '--ttl <ttl>',
      'lifetime: seconds or 15m, 8h, 7d',
      String(DEFAULT_TOKEN_TTL),
    )
    .option(
      '--secret <key>',
      'signing key (default: AUTH_JWT_SECRET, or the development key in development/test)',
    )
    .option('--list', 'list the demo users and exit')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    throw error;
  }
  const opts = program.opts<CliOptions>();

  if (opts.list) {
    for (const u of DEV_USERS)
      io.out(
        `${u.sub.padEnd(16)} ${u.role.padEnd(8)} ${u.bureau}  ${u.name}\n`,
      );
    return 0;
  }

  try {
    const principal = buildPrincipal(opts);
    const token = mintToken(principal, {
      ttl: parseTtl(opts.ttl),
      ...(opts.secret !== undefined && { secret: opts.secret }),
      ...(io.env !== undefined && { env: io.env }),
      warn: (message) => io.err(`warning: ${message}\n`),
    });
    io.out(`${token}\n`);
    return 0;
  } catch (error) {
    io.err(
      `error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}

function buildPrincipal(opts: CliOptions): Principal {
  const base: Partial<Principal> = opts.user ? { ...devUser(opts.user) } : {};
  const merged = {
    ...base,
    ...(opts.sub !== undefined && { sub: opts.sub }),
    ...(opts.role !== undefined && { role: opts.role }),
    ...(opts.bureau !== undefined && { bureau: opts.bureau }),
    ...(opts.name !== undefined && { name: opts.name }),
  };
  if (
    merged.sub === undefined ||
    merged.role === undefined ||
    merged.bureau === undefined
  ) {
    throw new Error(
      'give --user <id>, or --role, --bureau and --sub (see --help)',
    );
  }
  return parsePrincipal(merged);
}

/** The CLI's environment: the process's, with an unset NODE_ENV taken as development. */
export function mintTokenEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  return { ...env, NODE_ENV: env['NODE_ENV'] || 'development' };
}

if (require.main === module) {
  process.exitCode = runMintTokenCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: mintTokenEnv(process.env),
  });
}
