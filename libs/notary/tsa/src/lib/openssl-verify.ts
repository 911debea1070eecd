import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOpenssl } from './openssl';
import { responseFromToken } from './timestamp-codec';

export interface OpensslVerifyInput {
  token: Uint8Array;
  /** What was time-stamped: the data itself (a file path) or its SHA-256 digest. */
  dataPath?: string;
  sha256Digest?: Uint8Array;
  caCertPem: string;
  tsaCertPem?: string;
}

/**
 * Runs the standard tool on a token — `openssl ts -verify -in <resp.tsr> (-data f | -digest h)
 * -CAfile ca.pem -untrusted tsa.pem` — so what we claim is what anyone can check.
 */
export async function verifyWithOpenssl(input: OpensslVerifyInput): Promise<{ ok: boolean; output: string }> {
  if (!input.dataPath === !input.sha256Digest) throw new Error('give exactly one of dataPath or sha256Digest');
  const work = await mkdtemp(join(tmpdir(), 'yrd-tsa-verify-'));
  try {
    await writeFile(join(work, 'response.tsr'), responseFromToken(input.token));
    await writeFile(join(work, 'ca.pem'), input.caCertPem);
    const args = ['ts', '-verify', '-in', 'response.tsr', '-CAfile', 'ca.pem'];
    if (input.tsaCertPem) {
      await writeFile(join(work, 'tsa.pem'), input.tsaCertPem);
      args.push('-untrusted', 'tsa.pem');
    }
    if (input.dataPath) args.push('-data', input.dataPath);
    else args.push('-digest', Buffer.from(input.sha256Digest as Uint8Array).toString('hex'));
    const result = await runOpenssl(args, { cwd: work });
    const output = `${result.stdout.toString('utf8')}${result.stderr}`.trim();
    return { ok: result.code === 0 && /Verification: OK/.test(output), output };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
