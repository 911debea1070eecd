import { ContentInfo, SignedData, id_signedData } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import { TSTInfo, id_ct_tstInfo } from '@peculiar/asn1-tsp';

/** id-sha256 (RFC 5754): the only imprint algorithm the notary asks for. */
export const OID_SHA256 = '2.16.840.1.101.3.4.2.1';

/** The fields of a token's TSTInfo a receipt shows and a verifier compares. */
export interface TimeStampInfo {
  policy: string;
  hashAlgorithm: string;
  /** The time-stamped digest, lower-case hex. */
  messageImprint: string;
  serialNumber: string;
  genTime: Date;
  nonce?: string;
}

/** Reads TSTInfo out of a token (ContentInfo → SignedData → eContent). Does not verify it. */
export function readTimeStampToken(tokenDer: Uint8Array): TimeStampInfo {
  const contentInfo = AsnConvert.parse(tokenDer, ContentInfo);
  if (contentInfo.contentType !== id_signedData) throw new Error('time-stamp token is not CMS SignedData');
  const signed = AsnConvert.parse(contentInfo.content, SignedData);
  if (signed.encapContentInfo.eContentType !== id_ct_tstInfo) throw new Error('time-stamp token does not carry TSTInfo');
  // DER tokens carry TSTInfo in a primitive OCTET STRING (`single`); BER constructed ones are not accepted.
  const octets = signed.encapContentInfo.eContent?.single;
  if (!octets) throw new Error('time-stamp token has no DER TSTInfo content');
  const tst = AsnConvert.parse(octets.buffer, TSTInfo);
  return {
    policy: tst.policy,
    hashAlgorithm: tst.messageImprint.hashAlgorithm.algorithm,
    messageImprint: Buffer.from(tst.messageImprint.hashedMessage.buffer).toString('hex'),
    serialNumber: Buffer.from(tst.serialNumber).toString('hex'),
    genTime: tst.genTime,
    ...(tst.nonce ? { nonce: Buffer.from(tst.nonce).toString('hex') } : {}),
  };
}
