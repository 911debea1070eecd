import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { Bulletin } from '@yrd/bulletin-domain';
import { KeyMaterial } from '@yrd/sanctions-feature';
import { signCanonical, verifyCanonical } from '@yrd/sanctions-domain';

/** SHA-256 (hex) of a bulletin content's RFC 8785 canonical JSON: what every signature names. */
export function contentSha256(content: Bulletin.Content): string {
  const text = canonicalize(content);
  if (text === undefined) throw new Error('bulletin content cannot be canonicalised');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A bureau's signature over a statement, or undefined when this service holds no key for it. */
export function signStatement(keys: KeyMaterial, statement: Bulletin.Statement): Bulletin.Signature | undefined {
  const key = keys.signingKeyFor(statement.bureau);
  return key ? signCanonical(statement, key) : undefined;
}

export interface SignatureCheck {
  act: Bulletin.Act;
  bureau: string;
  revision: number;
  keyId: string;
  at: string;
  valid: boolean;
  problem?: string;
}

/** Checks one recorded signature against the bureau key registry, as any receiver can. */
export function checkSignature(keys: KeyMaterial, statement: Bulletin.Statement, signature: Bulletin.Signature, at: string): SignatureCheck {
  const verdict = verifyCanonical(statement, statement.bureau, signature, keys.registry, new Date(at));
  const base = { act: statement.act, bureau: statement.bureau, revision: statement.revision, keyId: signature.keyId, at };
  return verdict.ok ? { ...base, valid: true } : { ...base, valid: false, problem: `${verdict.error.code}: ${verdict.error.message}` };
}
