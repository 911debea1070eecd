import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openssl } from './openssl';
import { TimeStamp, TimeStampAuthority } from './timestamp-authority';
import { buildTimeStampRequest, readTimeStampToken, tokenFromResponse } from './timestamp-codec';
import { TsaChain } from './tsa-chain';

/**
 * Policy OID of the local TSA, under IANA's enterprise number for documentation use
 * (32473, RFC 5612): fine for local chains, and a real deployment configures its own policy.
 * (A UUID-derived 2.25 arc would avoid that, but its >2^53 arc does not survive asn1js.)
 */
export const DEFAULT_TSA_POLICY = '1.3.6.1.4.1.32473.3161.1';

export interface OpensslTsaOptions {
  policy?: string;
  /** Scratch space for request/response files (default: the OS temp dir). */
  workDir?: string;
}

/**
 * The notary as its own RFC 3161 TSA, signing with `openssl ts -reply`: OpenSSL builds the
 * TSTInfo, the CMS SignedData and the ESS signing-certificate-v2 attribute (SHA-256 cert id),
 * which is exactly what `openssl ts -verify` and other RFC 3161 verifiers expect.
 *
 * Each request runs in its own scratch folder with its own random serial file, so concurrent
 * requests (and several notary processes) never share openssl's read-increment-write serial.
 */
export class OpensslTimeStampAuthority implements TimeStampAuthority {
  private readonly policy: string;

  constructor(
    private readonly chain: TsaChain,
    private readonly options: OpensslTsaOptions = {},
  ) {
    this.policy = options.policy ?? DEFAULT_TSA_POLICY;
  }

  caCertificatePem(): string {
    return this.chain.caCertPem;
  }

  tsaCertificatePem(): string {
    return this.chain.tsaCertPem;
  }

  async stamp(sha256Digest: Uint8Array): Promise<TimeStamp> {
    const work = await mkdtemp(join(this.options.workDir ?? tmpdir(), 'yrd-tsa-'));
    try {
      await writeFile(join(work, 'serial'), `${randomSerial()}\n`);
      await writeFile(join(work, 'tsa.cnf'), this.config(work));
      await writeFile(join(work, 'request.tsq'), buildTimeStampRequest(sha256Digest));
      await openssl(['ts', '-reply', '-config', 'tsa.cnf', '-section', 'notary_tsa', '-queryfile', 'request.tsq', '-out', 'response.tsr'], {
        cwd: work,
      });
      const token = tokenFromResponse(await readFile(join(work, 'response.tsr')));
      const info = readTimeStampToken(token);
      if (info.messageImprint !== Buffer.from(sha256Digest).toString('hex')) {
        throw new Error('TSA stamped a different digest than requested');
      }
      return { token, info };
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  private config(work: string): string {
    const c = this.chain;
    return [
      '[ notary_tsa ]',
      `dir = ${work}`,
      'serial = $dir/serial',
      'crypto_device = builtin',
      `signer_cert = ${c.tsaCertPath}`,
      `signer_key = ${c.tsaKeyPath}`,
      ...(c.chainPath ? [`certs = ${c.chainPath}`] : []),
      'signer_digest = sha256',
      `default_policy = ${this.policy}`,
      'digests = sha256, sha384, sha512',
      'accuracy = secs:1',
      'clock_precision_digits = 3',
      'ordering = no',
      'tsa_name = yes',
      'ess_cert_id_chain = no',
      // signing-certificate-v2 with a SHA-256 ESSCertIDv2, not the SHA-1 v1 attribute.
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n');
  }
}

/** A random positive 120-bit serial: unique without coordination between processes. */
function randomSerial(): string {
  return '01' + randomBytes(15).toString('hex');
}
