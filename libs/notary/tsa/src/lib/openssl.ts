import { execFile } from 'node:child_process';

export interface OpensslResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** The `openssl` binary to run; OPENSSL_BIN overrides the one on PATH. */
export function opensslBinary(): string {
  return process.env['OPENSSL_BIN'] || 'openssl';
}

/** Runs `openssl <args>` without a shell (no quoting issues), resolving with its exit code. */
export function runOpenssl(args: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<OpensslResult> {
  return new Promise((resolve, reject) => {
    execFile(
      opensslBinary(),
      args,
      { cwd: options.cwd, encoding: 'buffer', timeout: options.timeoutMs ?? 30_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        if (error && typeof error.code !== 'number') return reject(error);
        resolve({ code, stdout, stderr: stderr.toString('utf8') });
      },
    );
  });
}

/** Like runOpenssl but throws with openssl's own message when it fails. */
export async function openssl(args: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<Buffer> {
  const result = await runOpenssl(args, options);
  if (result.code !== 0) {
    throw new Error(`openssl ${args[0]} ${args[1] ?? ''} failed (exit ${result.code}): ${result.stderr.trim().slice(0, 2000)}`);
  }
  return result.stdout;
}
