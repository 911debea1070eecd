import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventCatalog, type EventEnvelope } from '@yrd/contracts';
import {
  chainEvents,
  checkEnvelope,
  decideLink,
  ed25519Signer,
  emptyHead,
  fixtureKeys,
  fixtureSigner,
  hashEnvelope,
  headAfter,
  Keyring,
  publicKeyPem,
  type PublishedKey,
} from '../index';

const meta = (now = new Date('2026-03-02T08:00:00.000Z')) => ({
  actor: { userId: 'clue-transfer', bureau: '330421', role: 'system' as const },
  correlationId: 'corr-1',
  causationId: null,
  now,
});

const accepted = (referralId: string) => ({ type: 'referral.accepted', data: { referralId, bureau: '330421', acceptedAt: '2026-03-02T08:00:00.000Z' } });

function referralEvents(signer = fixtureSigner('clue-transfer'), now?: Date): EventEnvelope[] {
  return chainEvents(emptyHead('referral-r1'), [accepted('r1'), accepted('r1')], meta(now), signer);
}

function newKey(service: string, name: string, validFrom: string): { signer: ReturnType<typeof ed25519Signer>; published: PublishedKey } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const keyId = `${service}:${name}`;
  return { signer: ed25519Signer(keyId, privateKey), published: { service, keyId, alg: 'Ed25519', publicKey: publicKeyPem(privateKey), validFrom } };
}

describe('event signatures', () => {
  const keyring = new Keyring(fixtureKeys());

  it('signs the hex hash of every event; the hash covers neither hash nor signature', () => {
    const [a, b] = referralEvents();
    expect(a.signature).toMatchObject({ keyId: 'clue-transfer:fixture', alg: 'Ed25519' });
    expect(Buffer.from(a.signature?.value ?? '', 'base64url')).toHaveLength(64);
    expect(hashEnvelope(a)).toBe(a.hash);
    expect(hashEnvelope({ ...a, signature: b.signature })).toBe(a.hash);
    expect(checkEnvelope(a, eventCatalog, keyring)).toEqual({ ok: true, envelope: a });
    expect(checkEnvelope(b, eventCatalog, keyring)).toEqual({ ok: true, envelope: b });
  });

  it('is checked from outside with openssl pkeyutl -verify -rawin over the ASCII hex hash', () => {
    const [a] = referralEvents();
    const dir = mkdtempSync(join(tmpdir(), 'event-sig-'));
    try {
      writeFileSync(join(dir, 'pub.pem'), fixtureKeys(['clue-transfer'])[0].publicKey);
      writeFileSync(join(dir, 'msg'), a.hash);
      writeFileSync(join(dir, 'sig'), Buffer.from(a.signature?.value ?? '', 'base64url'));
      const out = execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', join(dir, 'pub.pem'), '-rawin', '-in', join(dir, 'msg'), '-sigfile', join(dir, 'sig')]).toString();
      expect(out).toContain('Signature Verified Successfully');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an unsigned event, an unknown key, and a re-sealed forgery keeping the old signature', () => {
    const [a, b] = referralEvents();
    const { signature: _s, ...unsigned } = a;
    expect(checkEnvelope(unsigned, eventCatalog, keyring)).toMatchObject({ ok: false, reason: 'unsigned' });
    const stranger = newKey('clue-transfer', 'stolen-name', '2020-01-01T00:00:00.000Z');
    const [byStranger] = referralEvents(stranger.signer);
    expect(checkEnvelope(byStranger, eventCatalog, keyring)).toMatchObject({ ok: false, reason: 'bad-signature', error: expect.stringContaining('unknown key') });
    const forged = { ...b, payload: { ...b.payload, bureau: '320509' } };
    const resealed = { ...forged, hash: hashEnvelope(forged) };
    expect(checkEnvelope(resealed, eventCatalog, keyring)).toMatchObject({ ok: false, reason: 'bad-signature', error: expect.stringContaining('does not verify') });
    // Without the keyring only the hash is checked: the forgery passes, which is why consumers pass one.
    expect(checkEnvelope(resealed, eventCatalog)).toMatchObject({ ok: true });
  });

  it('refuses a valid signature of a service not allowed to produce the context', () => {
    const [byNotification] = referralEvents(fixtureSigner('notification'));
    expect(keyring.check(byNotification, 'referral')).toMatchObject({ ok: false, reason: 'bad-signature', error: expect.stringContaining('notification may not produce referral') });
    const probe = chainEvents(emptyHead('probe-x'), [{ type: 'backbone.probed', data: { seq: 0 } }], meta(), fixtureSigner('notification'));
    expect(checkEnvelope(probe[0], eventCatalog, keyring)).toMatchObject({ ok: true });
  });

  it('rotation: a new key has a new id; the retired key still verifies what it signed before its retirement', () => {
    const old = newKey('clue-transfer', '2026-01-01', '2026-01-01T00:00:00.000Z');
    const current = newKey('clue-transfer', '2026-12-07', '2026-12-07T00:00:00.000Z');
    const rotated = new Keyring([old.published, current.published]).add([{ ...old.published, retiredAt: '2026-12-07T00:00:00.000Z' }]);
    const [before] = referralEvents(old.signer, new Date('2026-06-01T00:00:00.000Z'));
    const [after] = referralEvents(old.signer, new Date('2026-12-08T00:00:00.000Z'));
    const [withNew] = referralEvents(current.signer, new Date('2026-12-08T00:00:00.000Z'));
    expect(rotated.check(before, 'referral')).toEqual({ ok: true, service: 'clue-transfer' });
    expect(rotated.check(withNew, 'referral')).toEqual({ ok: true, service: 'clue-transfer' });
    expect(rotated.check(after, 'referral')).toMatchObject({ ok: false, reason: 'bad-signature', error: expect.stringContaining('retired') });
    expect(rotated.list().map((k) => [k.keyId, k.retiredAt])).toEqual([
      ['clue-transfer:2026-01-01', '2026-12-07T00:00:00.000Z'],
      ['clue-transfer:2026-12-07', undefined],
    ]);
  });

  it('refuses a key id published twice with different keys, and one not naming its service', () => {
    const a = newKey('clue-transfer', 'k1', '2026-01-01T00:00:00.000Z');
    const b = newKey('clue-transfer', 'k1', '2026-01-01T00:00:00.000Z');
    expect(() => new Keyring([a.published, b.published])).toThrow('published twice');
    expect(() => new Keyring([{ ...a.published, service: 'notification' }])).toThrow('does not name its service');
  });
});

describe('decideLink (what a consumer applies)', () => {
  const [v1, v2, v3] = chainEvents(emptyHead('referral-r9'), [accepted('r9'), accepted('r9'), accepted('r9')], meta(), fixtureSigner('clue-transfer'));
  const head = (events: EventEnvelope[]) => {
    const h = headAfter(events, 'referral-r9');
    return { version: h.version, hash: h.lastHash as string };
  };

  it('applies the first event of a stream and then each next link', () => {
    expect(decideLink(null, v1)).toEqual({ kind: 'next' });
    expect(decideLink(head([v1]), v2)).toEqual({ kind: 'next' });
    expect(decideLink(head([v1, v2]), v3)).toEqual({ kind: 'next' });
  });

  it('the next version with another prevHash is a broken link', () => {
    const forged = { ...v2, prevHash: 'f'.repeat(64) };
    expect(decideLink(head([v1]), forged)).toMatchObject({ kind: 'broken-link', detail: expect.stringContaining('is not the applied head') });
    expect(decideLink(null, { ...v1, prevHash: 'a'.repeat(64) })).toMatchObject({ kind: 'broken-link' });
  });

  it('a different event at an applied version is a fork', () => {
    const rival = chainEvents(headAfter([v1], 'referral-r9'), [accepted('r9')], meta(new Date('2026-03-02T09:00:00.000Z')), fixtureSigner('clue-transfer'))[0];
    expect(rival.streamVersion).toBe(2);
    expect(decideLink(head([v1, v2]), rival)).toMatchObject({ kind: 'fork' });
    expect(decideLink(head([v1, v2, v3]), v1)).toMatchObject({ kind: 'fork' });
  });

  it('a version beyond the next is a gap', () => {
    expect(decideLink(head([v1]), v3)).toMatchObject({ kind: 'gap', detail: expect.stringContaining('version 2 is missing') });
    expect(decideLink(null, v2)).toMatchObject({ kind: 'gap' });
  });
});
