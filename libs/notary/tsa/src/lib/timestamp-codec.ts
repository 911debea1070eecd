import { randomBytes } from 'node:crypto';
import { ContentInfo } from '@peculiar/asn1-cms';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { MessageImprint, PKIStatus, PKIStatusInfo, TimeStampReq, TimeStampReqVersion, TimeStampResp } from '@peculiar/asn1-tsp';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { OID_SHA256 } from '@yrd/notary-domain';

// Reading a token is pure and the standalone receipt verifier needs it, so it lives in the domain.
export { OID_SHA256, readTimeStampToken } from '@yrd/notary-domain';
export type { TimeStampInfo } from '@yrd/notary-domain';

/** DER TimeStampReq (RFC 3161 §2.4.1) for a SHA-256 digest, asking for the TSA certificate. */
export function buildTimeStampRequest(sha256Digest: Uint8Array, options: { nonce?: Buffer; policy?: string } = {}): Buffer {
  if (sha256Digest.byteLength !== 32) throw new RangeError('a SHA-256 digest is 32 bytes');
  const nonce = options.nonce ?? positiveInteger(randomBytes(8));
  const req = new TimeStampReq({
    version: TimeStampReqVersion.v1,
    messageImprint: new MessageImprint({
      hashAlgorithm: new AlgorithmIdentifier({ algorithm: OID_SHA256, parameters: null }),
      hashedMessage: new OctetString(sha256Digest),
    }),
    nonce: toArrayBuffer(nonce),
    certReq: true,
    ...(options.policy ? { reqPolicy: options.policy } : {}),
  });
  return Buffer.from(AsnConvert.serialize(req));
}

/** The token out of a granted TimeStampResp, or an error naming the TSA's refusal. */
export function tokenFromResponse(responseDer: Uint8Array): Buffer {
  const resp = AsnConvert.parse(responseDer, TimeStampResp);
  const status = resp.status.status;
  if (status !== PKIStatus.granted && status !== PKIStatus.grantedWithMods) {
    const text = resp.status.statusString?.join('; ') ?? '';
    throw new Error(`time-stamp request refused: status ${PKIStatus[status] ?? status}${text ? ` (${text})` : ''}`);
  }
  if (!resp.timeStampToken) throw new Error('time-stamp response granted but carries no token');
  return Buffer.from(AsnConvert.serialize(resp.timeStampToken));
}

/**
 * Wraps a stored token in a granted TimeStampResp (status 0), the `.tsr` form that
 * `openssl ts -verify -in` reads by default.
 */
export function responseFromToken(tokenDer: Uint8Array): Buffer {
  const token = AsnConvert.parse(tokenDer, ContentInfo);
  return Buffer.from(AsnConvert.serialize(new TimeStampResp({ status: new PKIStatusInfo({ status: PKIStatus.granted }), timeStampToken: token })));
}

/** DER INTEGERs are signed: clear the top bit so a random nonce stays positive. */
function positiveInteger(bytes: Buffer): Buffer {
  bytes[0] &= 0x7f;
  if (bytes[0] === 0) bytes[0] = 1;
  return bytes;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
