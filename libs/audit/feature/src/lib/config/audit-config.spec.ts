import { TreeHeadSigner } from '@yrd/merkle';
import { HttpCheckpointNotary } from '../checkpoints/http-checkpoint-notary';
import { LocalCheckpointNotary } from '../checkpoints/local-checkpoint-notary';
import { checkpointNotaryFrom, parseAuditEnv, trustedNotaryKeys } from './audit-config';

describe('audit configuration', () => {
  const notaryKey = TreeHeadSigner.generate();

  it('has defaults, and says which variable is wrong', () => {
    expect(parseAuditEnv({})).toMatchObject({ AUDIT_CHECKPOINT_EVERY_EVENTS: 10000, AUDIT_CHECKPOINT_INTERVAL_MS: 300000, AUDIT_REPORT_DIR: '.local/audit-reports' });
    expect(() => parseAuditEnv({ AUDIT_CHECKPOINT_EVERY_EVENTS: '0' })).toThrow(/AUDIT_CHECKPOINT_EVERY_EVENTS/);
    expect(() => parseAuditEnv({ AUDIT_NOTARY_URL: 'not a url' })).toThrow(/AUDIT_NOTARY_URL/);
  });

  it('uses the evidence notary over HTTP when its URL is set, and requires its public key', () => {
    const env = parseAuditEnv({ AUDIT_NOTARY_URL: 'http://127.0.0.1:3103', AUDIT_NOTARY_PUBLIC_KEYS: notaryKey.publicKeyPem().replace(/\n/g, '\\n') });
    const notary = checkpointNotaryFrom(env);
    expect(notary).toBeInstanceOf(HttpCheckpointNotary);
    expect(trustedNotaryKeys(env, notary).length).toBe(2);
    expect(() => checkpointNotaryFrom(parseAuditEnv({ AUDIT_NOTARY_URL: 'http://127.0.0.1:3103' }))).toThrow(/AUDIT_NOTARY_PUBLIC_KEYS: required/);
  });

  it('uses an in-process notary with a configured key for development, or none', () => {
    const notary = checkpointNotaryFrom(parseAuditEnv({ AUDIT_CHECKPOINT_SIGNING_KEY: notaryKey.privateKeyPem() }));
    expect(notary).toBeInstanceOf(LocalCheckpointNotary);
    expect((notary as LocalCheckpointNotary).publicKeyPem).toBe(notaryKey.publicKeyPem());
    expect(checkpointNotaryFrom(parseAuditEnv({}))).toBeNull();
  });
});
