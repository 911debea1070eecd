import canonicalize from 'canonicalize';
import type { IsoDate } from './dates';
import type { PenaltyDecisionContent } from './decision-content';

/** The schema tag inside every signed document, so a signature cannot be replayed as something else. */
export const SIGNED_DOCUMENT_SCHEMA = 'yrd.penalty-decision/1';

/**
 * What the issuing bureau signs for each step of a decision's life. `revision` counts the signed
 * documents of one decision (1 = recorded), so an old signature cannot stand for a newer version.
 */
export type SignedDocument =
  | { schema: typeof SIGNED_DOCUMENT_SCHEMA; action: 'record'; decisionId: string; revision: number; decision: PenaltyDecisionContent }
  | { schema: typeof SIGNED_DOCUMENT_SCHEMA; action: 'correct'; decisionId: string; revision: number; decision: PenaltyDecisionContent; reason: string }
  | {
      schema: typeof SIGNED_DOCUMENT_SCHEMA;
      action: 'revoke';
      decisionId: string;
      revision: number;
      issuingBureau: string;
      reason: string;
      revokedOn: IsoDate;
    };

/** RFC 8785 canonical JSON, UTF-8: the exact bytes signed and verified. */
export function canonicalBytes(doc: object): Buffer {
  const text = canonicalize(doc);
  if (text === undefined) throw new Error('document cannot be canonicalised');
  return Buffer.from(text, 'utf8');
}

/** The signed document a decision event stands for, rebuilt from its payload by any receiver. */
export function signedDocumentOf(type: string, payload: Record<string, unknown>): SignedDocument | undefined {
  const p = payload as Record<string, never>;
  switch (type) {
    case 'penalty-decision.recorded':
      return { schema: SIGNED_DOCUMENT_SCHEMA, action: 'record', decisionId: p['decisionId'], revision: p['revision'], decision: p['decision'] };
    case 'penalty-decision.corrected':
      return {
        schema: SIGNED_DOCUMENT_SCHEMA,
        action: 'correct',
        decisionId: p['decisionId'],
        revision: p['revision'],
        decision: p['decision'],
        reason: p['reason'],
      };
    case 'penalty-decision.revoked':
      return {
        schema: SIGNED_DOCUMENT_SCHEMA,
        action: 'revoke',
        decisionId: p['decisionId'],
        revision: p['revision'],
        issuingBureau: p['issuingBureau'],
        reason: p['reason'],
        revokedOn: p['revokedOn'],
      };
    default:
      return undefined;
  }
}

/** The bureau that must have signed the document. */
export const signerOf = (doc: SignedDocument): string => (doc.action === 'revoke' ? doc.issuingBureau : doc.decision.issuingBureau);
