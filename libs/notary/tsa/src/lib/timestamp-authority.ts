import { TimeStampInfo } from './timestamp-codec';

/** A granted RFC 3161 time-stamp: the token as DER (CMS ContentInfo) and what it says. */
export interface TimeStamp {
  token: Buffer;
  info: TimeStampInfo;
}

/**
 * The notary's time-stamp authority. Implementations: `OpensslTimeStampAuthority` (the notary
 * acting as its own TSA); a client of an external RFC 3161 TSA would fit the same port.
 */
export interface TimeStampAuthority {
  /** Time-stamps a SHA-256 digest. */
  stamp(sha256Digest: Uint8Array): Promise<TimeStamp>;
  /** PEM of the trust anchor a verifier needs (`openssl ts -verify -CAfile`). */
  caCertificatePem(): string;
  /** PEM of the TSA's signing certificate (`-untrusted`). */
  tsaCertificatePem(): string;
}
