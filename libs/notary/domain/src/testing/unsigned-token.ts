import { ContentInfo, EncapsulatedContent, EncapsulatedContentInfo, SignedData, id_signedData } from '@peculiar/asn1-cms';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { MessageImprint, TSTInfo, id_ct_tstInfo } from '@peculiar/asn1-tsp';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { OID_SHA256 } from '../lib/time-stamp-token';

/**
 * A structurally valid but unsigned time-stamp token (no SignerInfo), for unit tests of code that
 * only reads TSTInfo. Real, signed tokens are tested in @yrd/tsa against `openssl ts -verify`.
 */
export function unsignedToken(sha256Hex: string, genTime = new Date('2026-01-02T03:04:05.678Z')): string {
  const tst = new TSTInfo({
    version: 1,
    policy: '1.3.6.1.4.1.32473.3161.1',
    messageImprint: new MessageImprint({ hashAlgorithm: new AlgorithmIdentifier({ algorithm: OID_SHA256, parameters: null }), hashedMessage: new OctetString(Buffer.from(sha256Hex, 'hex')) }),
    serialNumber: new Uint8Array([1, 2, 3]).buffer,
    genTime,
    ordering: false,
  });
  const signed = new SignedData({
    version: 3,
    encapContentInfo: new EncapsulatedContentInfo({
      eContentType: id_ct_tstInfo,
      eContent: new EncapsulatedContent({ single: new OctetString(AsnConvert.serialize(tst)) }),
    }),
  });
  const info = new ContentInfo({ contentType: id_signedData, content: AsnConvert.serialize(signed) });
  return Buffer.from(AsnConvert.serialize(info)).toString('base64');
}
