import { AsnConvert } from '@peculiar/asn1-schema';
import { PKIFreeText, PKIStatus, PKIStatusInfo, TimeStampReq, TimeStampResp } from '@peculiar/asn1-tsp';
import { OID_SHA256, buildTimeStampRequest, tokenFromResponse } from './timestamp-codec';

describe('time-stamp codec', () => {
  it('builds a v1 TimeStampReq for a SHA-256 imprint with a positive nonce and certReq', () => {
    const digest = Buffer.alloc(32, 7);
    const req = AsnConvert.parse(buildTimeStampRequest(digest), TimeStampReq);
    expect(req.version).toBe(1);
    expect(req.messageImprint.hashAlgorithm.algorithm).toBe(OID_SHA256);
    expect(Buffer.from(req.messageImprint.hashedMessage.buffer)).toEqual(digest);
    expect(req.certReq).toBe(true);
    expect(new Uint8Array(req.nonce as ArrayBuffer)[0] & 0x80).toBe(0);
  });

  it('reports a refused request with its status text', () => {
    const refused = AsnConvert.serialize(new TimeStampResp({ status: new PKIStatusInfo({ status: PKIStatus.rejection, statusString: new PKIFreeText(['policy not accepted']) }) }));
    expect(() => tokenFromResponse(new Uint8Array(refused))).toThrow('time-stamp request refused: status rejection (policy not accepted)');
  });
});
