import { parseNotaryConfig } from './notary.config';

describe('parseNotaryConfig', () => {
  it('defaults to local storage, a 3 GiB limit and a generated TSA chain', () => {
    const c = parseNotaryConfig({ NOTARY_DATA_DIR: '/data/notary' });
    expect(c).toMatchObject({ NOTARY_STORAGE: 'local', NOTARY_DATA_DIR: '/data/notary', NOTARY_MAX_UPLOAD_BYTES: 3 * 1024 ** 3, NOTARY_SM3: false, NOTARY_TREE_HEAD_INTERVAL_MS: 600_000 });
  });

  it('refuses half a TSA chain, S3 without credentials and nonsense numbers, naming the setting', () => {
    expect(() => parseNotaryConfig({ NOTARY_TSA_CERT: '/x.pem' })).toThrow(/NOTARY_TSA_CA_CERT, NOTARY_TSA_CERT and NOTARY_TSA_KEY together/);
    expect(() => parseNotaryConfig({ NOTARY_STORAGE: 's3' })).toThrow(/S3_ACCESS_KEY_ID/);
    expect(() => parseNotaryConfig({ NOTARY_MAX_UPLOAD_BYTES: 'lots' })).toThrow(/NOTARY_MAX_UPLOAD_BYTES/);
    expect(() => parseNotaryConfig({ NOTARY_STORAGE: 'ftp' })).toThrow(/NOTARY_STORAGE/);
  });
});
