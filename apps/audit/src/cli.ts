/**
 * The auditors' command line:
 *   npm run audit -- replay [--from <iso>] [--stream <id>] [--bureau <code>] [--type <t>] [--case <id>] [--out <dir>]
 *   npm run audit -- verify-case <clueId|referralId>
 *   npm run audit -- checkpoint [--force]
 * Exit code 0 when clean, 1 with findings, 2 when the audit could not run.
 * Outside production, unset connection settings take the local defaults (deploy/local/env.sh).
 */
import { withLocalDefaults } from '@yrd/audit-feature';
import { runCli } from './cli/audit-cli';

runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  env: withLocalDefaults(process.env),
  tty: Boolean(process.stderr.isTTY),
}).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`audit failed: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(2);
  },
);
