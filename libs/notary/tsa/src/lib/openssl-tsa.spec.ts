import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OpensslTimeStampAuthority, DEFAULT_TSA_POLICY } from './openssl-tsa';
import { verifyWithOpenssl } from './openssl-verify';
import { OID_SHA256, readTimeStampToken, responseFromToken } from './timestamp-codec';
import { TsaChain, ensureLocalTsaChain, loadTsaChain } from './tsa-chain';

const run = promisify(execFile);

/** Runs openssl as a person would type it; resolves with exit code and all output. */
async function opensslCli(args: string[], cwd: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run('openssl', args, { cwd });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe('OpensslTimeStampAuthority (RFC 3161 tokens verified by `openssl ts -verify`)', () => {
  let dir: string;
  let chain: TsaChain;
  let tsa: OpensslTimeStampAuthority;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yrd-tsa-test-'));
    chain = await ensureLocalTsaChain(join(dir, 'chain'));
    tsa = new OpensslTimeStampAuthority(chain);
  }, 60_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('generates a CA and a TSA certificate with a critical timeStamping extended key usage', async () => {
    const eku = await opensslCli(['x509', '-in', chain.tsaCertPath, '-noout', '-ext', 'extendedKeyUsage'], dir);
    expect(eku.out).toMatch(/X509v3 Extended Key Usage: critical\s+Time Stamping/);
    const issued = await opensslCli(['verify', '-CAfile', chain.caCertPath, '-purpose', 'timestampsign', chain.tsaCertPath], dir);
    expect(issued).toMatchObject({ code: 0 });
    expect((await stat(chain.tsaKeyPath)).mode & 0o077).toBe(0);
  });

  it('reuses the persisted chain instead of generating a new one', async () => {
    const again = await ensureLocalTsaChain(join(dir, 'chain'));
    expect(again.tsaCertPem).toBe(chain.tsaCertPem);
    const configured = await loadTsaChain({ caCertPath: chain.caCertPath, tsaCertPath: chain.tsaCertPath, tsaKeyPath: chain.tsaKeyPath });
    expect(configured.caCertPem).toBe(chain.caCertPem);
  });

  it('refuses a certificate without the timeStamping usage', async () => {
    await expect(loadTsaChain({ caCertPath: chain.caCertPath, tsaCertPath: chain.caCertPath, tsaKeyPath: chain.tsaKeyPath })).rejects.toThrow(
      /timeStamping/,
    );
  });

  it('issues a token that `openssl ts -verify -data <file> -in <token.tsr> -CAfile ca.pem -untrusted tsa.pem` accepts, and rejects a changed file', async () => {
    const file = join(dir, 'evidence.bin');
    const content = Buffer.from('现场检查笔录 page 1 — evidence bytes\n'.repeat(1000));
    await writeFile(file, content);
    const stamp = await tsa.stamp(createHash('sha256').update(content).digest());
    await writeFile(join(dir, 'token.tsr'), responseFromToken(stamp.token));
    await writeFile(join(dir, 'token.der'), stamp.token);
    await writeFile(join(dir, 'ca.pem'), tsa.caCertificatePem());
    await writeFile(join(dir, 'tsa.pem'), tsa.tsaCertificatePem());

    const genuine = await opensslCli(['ts', '-verify', '-data', file, '-in', 'token.tsr', '-CAfile', 'ca.pem', '-untrusted', 'tsa.pem'], dir);
    expect(genuine.out).toContain('Verification: OK');
    expect(genuine.code).toBe(0);

    const digest = createHash('sha256').update(content).digest('hex');
    const byDigest = await opensslCli(['ts', '-verify', '-digest', digest, '-in', 'token.tsr', '-CAfile', 'ca.pem', '-untrusted', 'tsa.pem'], dir);
    expect(byDigest.code).toBe(0);
    const tokenForm = await opensslCli(['ts', '-verify', '-data', file, '-token_in', '-in', 'token.der', '-CAfile', 'ca.pem'], dir);
    expect(tokenForm.code).toBe(0);

    const changed = Buffer.from(content);
    changed[100] ^= 0x01;
    await writeFile(file, changed);
    const tampered = await opensslCli(['ts', '-verify', '-data', file, '-in', 'token.tsr', '-CAfile', 'ca.pem', '-untrusted', 'tsa.pem'], dir);
    expect(tampered.code).not.toBe(0);
    expect(tampered.out).toMatch(/message imprint mismatch/);
  });

  it('fails verification against a different CA', async () => {
    const stamp = await tsa.stamp(createHash('sha256').update('x').digest());
    const other = await ensureLocalTsaChain(join(dir, 'other'));
    const result = await verifyWithOpenssl({ token: stamp.token, sha256Digest: createHash('sha256').update('x').digest(), caCertPem: other.caCertPem });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/certificate verify error|unable to get local issuer/);
  }, 60_000);

  it('carries TSTInfo with the digest, SHA-256, policy, serial and time, and a signing-certificate-v2 attribute', async () => {
    const digest = createHash('sha256').update('tree head 42').digest();
    const before = Date.now();
    const stamp = await tsa.stamp(digest);
    expect(stamp.info).toMatchObject({ messageImprint: digest.toString('hex'), hashAlgorithm: OID_SHA256, policy: DEFAULT_TSA_POLICY });
    expect(stamp.info.serialNumber).toMatch(/^[0-9a-f]+$/);
    expect(stamp.info.genTime.getTime()).toBeGreaterThanOrEqual(before - 1500);
    expect(stamp.info.genTime.getTime()).toBeLessThanOrEqual(Date.now() + 1500);
    expect(readTimeStampToken(stamp.token)).toEqual(stamp.info);

    await writeFile(join(dir, 'attr.der'), stamp.token);
    const printed = await opensslCli(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'attr.der'], dir);
    expect(printed.out).toContain('id-smime-aa-signingCertificateV2');
    expect(printed.out).not.toContain('id-smime-aa-signingCertificate:');
    expect((await verifyWithOpenssl({ token: stamp.token, sha256Digest: digest, caCertPem: chain.caCertPem, tsaCertPem: chain.tsaCertPem })).ok).toBe(true);
  });

  it('serves concurrent requests with distinct serial numbers', async () => {
    const stamps = await Promise.all(Array.from({ length: 8 }, (_, i) => tsa.stamp(createHash('sha256').update(`entry ${i}`).digest())));
    expect(new Set(stamps.map((s) => s.info.serialNumber)).size).toBe(8);
  });

  it('refuses a digest of the wrong length', async () => {
    await expect(tsa.stamp(Buffer.alloc(20))).rejects.toThrow(/32 bytes/);
  });

  it('keeps the token bytes stable through the response wrapper', async () => {
    const stamp = await tsa.stamp(createHash('sha256').update('y').digest());
    const tsr = responseFromToken(stamp.token);
    expect(tsr.includes(stamp.token)).toBe(true);
    expect(await readFile(chain.caCertPath, 'utf8')).toBe(tsa.caCertificatePem());
  });
});
