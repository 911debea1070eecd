import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The local infrastructure's defaults, declared once for the shell and the auditors' command line. */
export const LOCAL_ENV_FILE = join('deploy', 'local', 'env.sh');

/**
 * The environment with the local infrastructure's defaults (deploy/local/env.sh) filled in where
 * unset, so a developer's command works in a fresh shell as it does after `source`-ing the file.
 * The file is sourced by bash with the caller's environment, so its derived values and the
 * caller's overrides come out exactly as in a shell. Production never reads it: there the
 * environment is returned as given. Also when no repository (or no bash) is found.
 */
export function withLocalDefaults(env: NodeJS.ProcessEnv, from = process.cwd()): NodeJS.ProcessEnv {
  if (env['NODE_ENV'] === 'production') return env;
  const file = findUp(from, LOCAL_ENV_FILE);
  if (!file) return env;
  const run = spawnSync('bash', ['-c', 'source "$1" >/dev/null && env -0', 'local-defaults', file], { env, encoding: 'utf8' });
  if (run.status !== 0 || typeof run.stdout !== 'string') return env;
  const merged: NodeJS.ProcessEnv = { ...env };
  for (const entry of run.stdout.split('\0')) {
    const eq = entry.indexOf('=');
    if (eq <= 0) continue;
    const key = entry.slice(0, eq);
    if (merged[key] === undefined) merged[key] = entry.slice(eq + 1);
  }
  return merged;
}

function findUp(start: string, relative: string): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}
