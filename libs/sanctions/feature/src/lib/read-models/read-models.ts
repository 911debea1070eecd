import type { EventEnvelope } from '@yrd/contracts';
import { bundledStandards, StandardRegistry, validateStandardFile } from '@yrd/discretion-domain';
import { ListRegistry, validateListFile, bundledRegistry } from '@yrd/exemption-domain';
import {
  BureauKeyRegistry,
  DecisionSummary,
  PenaltyDecision,
  PenaltyDecisionContent,
  regionOf,
  Sanction,
  SanctionsIndex,
  signedDocumentOf,
  summaryOf,
  verifyDocument,
  ViolationHistory,
} from '@yrd/sanctions-domain';

export interface RecognitionView {
  recognitionId: string;
  region: string;
  status: 'queued' | 'recognised' | 'declined';
  decision: DecisionSummary;
  automatic?: boolean;
  by?: string;
  reason?: string;
  at: string;
  version: number;
}

/** A flagged departure from a discretion standard, as auditors and legal reviewers list them. */
export interface DepartureView {
  eventId: string;
  decisionId: string;
  decisionNumber: string;
  caseRef: string;
  issuingBureau: string;
  standardId: string | null;
  standardVersion: number | null;
  band: string | null;
  suggestedFine: { minFen: number; maxFen: number } | null;
  fineFen: number;
  departure: string;
  justification: string;
  legalReviewer: string;
  auditors: string[];
  flaggedAt: string;
}

export interface DecisionRecord {
  decisionId: string;
  revision: number;
  content: PenaltyDecisionContent;
  sourceRegion: string;
  revoked: boolean;
  keyId: string;
}

/**
 * The in-memory read models of the sanctions context, fed event by event (in stream order per
 * stream): enforcement history for first-violation questions, the sanctions index for the
 * interception check, the review queue, the exemption lists, and the verified decisions. Decision
 * events are applied only if their signature verifies: a forged decision never becomes history.
 */
export class SanctionsReadModels {
  readonly history = new ViolationHistory();
  readonly sanctions = new SanctionsIndex();
  readonly lists: ListRegistry = bundledRegistry();
  readonly standards: StandardRegistry = bundledStandards();
  readonly departures = new Map<string, DepartureView>();
  readonly recognitions = new Map<string, RecognitionView>();
  readonly decisions = new Map<string, DecisionRecord>();
  unverifiedDecisionEvents = 0;

  constructor(private readonly keys: BureauKeyRegistry) {}

  apply(e: EventEnvelope): void {
    const p = e.payload as Record<string, never>;
    switch (e.type) {
      case 'penalty-decision.recorded':
      case 'penalty-decision.corrected':
      case 'penalty-decision.revoked':
        return this.applyDecision(e);
      case 'recognition.queued':
      case 'recognition.recognised':
      case 'recognition.declined':
        return this.applyRecognition(e);
      case 'sanction.imposed':
      case 'sanction.lifted':
        this.sanctions.apply({ type: e.type, data: p } as unknown as Sanction.SanctionEvent, e.streamVersion);
        return;
      case 'exemption-list.published': {
        const v = validateListFile(p['list']);
        if (v.ok) this.lists.add(v.list);
        return;
      }
      case 'discretion-standard.published': {
        const v = validateStandardFile(p['standard']);
        if (v.ok) this.standards.add(v.standard);
        return;
      }
      case 'discretion.departure-flagged': {
        const { rule: _rule, ...view } = e.payload as unknown as DepartureView & { rule: unknown };
        this.departures.set(view.decisionId, { ...view, eventId: e.eventId });
        return;
      }
      default:
        return;
    }
  }

  private applyDecision(e: EventEnvelope): void {
    const doc = signedDocumentOf(e.type, e.payload);
    const event = { type: e.type, data: e.payload } as unknown as PenaltyDecision.PenaltyDecisionEvent;
    const verified = doc && verifyDocument(doc, event.data.signature, this.keys, new Date(e.occurredAt));
    if (!verified || !verified.ok) {
      this.unverifiedDecisionEvents++;
      return;
    }
    const { decisionId, revision } = event.data;
    const current = this.decisions.get(decisionId);
    if (current && current.revision >= revision) return;
    if (event.type === 'penalty-decision.revoked') {
      if (current) this.decisions.set(decisionId, { ...current, revoked: true, revision });
      this.history.revoke(decisionId, revision);
      return;
    }
    const content = event.data.decision;
    const sourceRegion = regionOf(content.issuingBureau) ?? content.issuingBureau;
    this.decisions.set(decisionId, { decisionId, revision, content, sourceRegion, revoked: false, keyId: event.data.signature.keyId });
    this.history.putDecision(summaryOf(decisionId, content, sourceRegion, event.data.signature.keyId, revision));
  }

  private applyRecognition(e: EventEnvelope): void {
    const p = e.payload as Record<string, never>;
    const id = p['recognitionId'] as string;
    const current = this.recognitions.get(id);
    if (current && current.version >= e.streamVersion) return;
    if (e.type === 'recognition.declined') {
      if (current) this.recognitions.set(id, { ...current, status: 'declined', by: p['by'], reason: p['reason'], at: p['declinedAt'], version: e.streamVersion });
      return;
    }
    const decision = p['decision'] as DecisionSummary;
    const recognised = e.type === 'recognition.recognised';
    this.recognitions.set(id, {
      recognitionId: id,
      region: p['region'],
      status: recognised ? 'recognised' : 'queued',
      decision,
      ...(recognised ? { automatic: p['automatic'], by: p['by'], reason: p['reason'] } : {}),
      at: recognised ? p['recognisedAt'] : p['queuedAt'],
      version: e.streamVersion,
    });
    if (recognised) this.history.recognise(p['region'], decision);
  }

  queue(region: string | undefined, status: RecognitionView['status'] | undefined): RecognitionView[] {
    return [...this.recognitions.values()]
      .filter((r) => (!region || r.region === region) && (!status || r.status === status))
      .sort((a, b) => a.at.localeCompare(b.at));
  }
}
