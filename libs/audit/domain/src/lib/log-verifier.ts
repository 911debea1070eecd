import { EventEnvelope as EnvelopeSchema, type EventCatalog, type EventEnvelope } from '@yrd/contracts';
import { advanceChain, checkEnvelope, hashEnvelope, startChain, type ChainCursor, type ChainFinding, type Keyring } from '@yrd/event-log';
import { aggregateOf, foldEvent, startFold, type AggregateSpec, type StreamFold } from './aggregates';
import { checkSignatures, type EventSignatureVerifier } from './event-signature';
import { producerSignatureFinding } from './producer-signatures';
import { compareFindings, type AuditFinding, type LogLocation } from './finding';
import type { LogMessage } from './log-message';
import { StreamSelector, type ReplayFilter, type StreamMatch } from './replay-filter';

export interface LogVerifierOptions {
  catalog: EventCatalog;
  filter?: ReplayFilter;
  signatures?: readonly EventSignatureVerifier[];
  /** The published keyring: every event must carry a valid signature of a service allowed to produce it. */
  keyring?: Keyring;
  /** Fold the streams of these aggregates (the rebuild; other streams keep their hashes); none when empty. */
  rebuild?: readonly AggregateSpec[];
  /** Keep the events of selected streams (case timelines); only sensible for narrow filters. */
  retainEvents?: boolean;
}

/** An event kept for a timeline, with what its verification found. */
export interface RetainedEvent {
  envelope: EventEnvelope;
  location: LogLocation;
  findings: AuditFinding['kind'][];
}

/** What the verifier holds per stream: a cursor, not the events. */
export interface StreamRecord {
  streamId: string;
  cursor: ChainCursor;
  match: StreamMatch | null;
  events: number;
  /** First read past version 1 (a replay from a point in time): its first link is trusted. */
  partial: boolean;
  findings: AuditFinding[] | null;
  fold: StreamFold | null;
  retained: RetainedEvent[] | null;
}

export interface SignatureTotals {
  valid: number;
  invalid: number;
  unsigned: number;
}

/**
 * Verifies the event log message by message, in partition order, in bounded memory: per stream
 * it keeps the chain cursor (last version, last hash), a few flags and its findings. Envelope
 * schema and payloads are checked with the consumers' own `checkEnvelope`, chains with the
 * event log's `advanceChain` (the incremental form of `verifyStream`).
 */
export class LogVerifier {
  readonly selector: StreamSelector;
  private readonly records = new Map<string, StreamRecord>();
  private readonly orphanFindings: AuditFinding[] = [];
  private readonly signatures: readonly EventSignatureVerifier[];
  private readonly rebuild: readonly AggregateSpec[];
  readonly eventsByType = new Map<string, number>();
  readonly signatureTotals: SignatureTotals = { valid: 0, invalid: 0, unsigned: 0 };
  messages = 0;
  events = 0;

  constructor(private readonly options: LogVerifierOptions) {
    this.selector = new StreamSelector(options.filter ?? {});
    this.signatures = options.signatures ?? [];
    this.rebuild = options.rebuild ?? [];
  }

  accept(message: LogMessage): void {
    this.messages++;
    const location: LogLocation = { topic: message.topic, partition: message.partition, offset: message.offset };
    const key = message.key === null ? null : message.key.toString();
    if (message.value === null || message.value.length === 0) {
      this.malformed(key, null, location, 'empty message');
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(message.value.toString('utf8'));
    } catch (e) {
      this.malformed(key, null, location, `not JSON: ${(e as Error).message}`);
      return;
    }
    const check = checkEnvelope(raw, this.options.catalog);
    let envelope: EventEnvelope;
    let contentHash: string;
    const extra: AuditFinding[] = [];
    if (check.ok) {
      envelope = check.envelope;
      contentHash = envelope.hash;
    } else if (check.reason === 'malformed') {
      this.malformed(key, raw, location, check.error);
      return;
    } else {
      // The envelope has its shape; its hash, type or payload is wrong. Its chain still counts.
      envelope = EnvelopeSchema.parse(raw) as EventEnvelope;
      contentHash = hashEnvelope(envelope);
      if (check.reason !== 'hash-mismatch') {
        extra.push({ kind: check.reason, source: 'log', streamId: envelope.streamId, version: envelope.streamVersion, eventId: envelope.eventId, location, detail: check.error });
      } else {
        const payload = this.options.catalog.checkPayload(envelope.type, envelope.schemaVersion, envelope.payload);
        if (!payload.ok) {
          const kind = this.options.catalog.get(envelope.type) ? 'invalid-payload' : 'unknown-type';
          extra.push({ kind, source: 'log', streamId: envelope.streamId, version: envelope.streamVersion, eventId: envelope.eventId, location, detail: payload.error });
        }
      }
    }
    this.events++;
    this.eventsByType.set(envelope.type, (this.eventsByType.get(envelope.type) ?? 0) + 1);
    this.verifyEvent(envelope, contentHash, message, location, extra);
  }

  private verifyEvent(envelope: EventEnvelope, contentHash: string, message: LogMessage, location: LogLocation, found: AuditFinding[]): void {
    const { streamId, streamVersion: version } = envelope;
    let record = this.records.get(streamId);
    if (!record) {
      record = this.newRecord(streamId, envelope);
      this.records.set(streamId, record);
    }
    record.events++;
    if (record.match) this.selector.observe(record.match, envelope);

    const cursor = record.cursor;
    let inOrder = true;
    if (cursor.lastEventId !== null && version < cursor.lastVersion) {
      // An older version again: verifyStream would rewind the chain; the audit reports it and goes on.
      inOrder = false;
      if (contentHash !== envelope.hash) found.push(this.chainFinding({ kind: 'hash-mismatch', streamId, version, eventId: envelope.eventId }, envelope, contentHash, location));
      found.push({
        kind: 'duplicate',
        source: 'log',
        streamId,
        version,
        eventId: envelope.eventId,
        location,
        detail: `version ${version} read again after version ${cursor.lastVersion}`,
        data: { after: cursor.lastVersion },
      });
    } else {
      const chain: ChainFinding[] = [];
      const lastHash = cursor.lastHash;
      advanceChain(cursor, envelope, chain, contentHash);
      for (const f of chain) {
        found.push(this.chainFinding(f, envelope, contentHash, location, lastHash));
        if (f.kind === 'duplicate') inOrder = false;
      }
    }

    if (this.options.keyring) {
      const producer = producerSignatureFinding(envelope, this.options.keyring, this.options.catalog, location);
      if (producer) found.push(producer);
    }

    if (this.signatures.length > 0) {
      const sig = checkSignatures(this.signatures, envelope, message.headers);
      this.signatureTotals[sig.status]++;
      if (sig.status === 'invalid') {
        found.push({ kind: 'bad-signature', source: 'log', streamId, version, eventId: envelope.eventId, location, detail: sig.reason });
      }
    } else {
      this.signatureTotals.unsigned++;
    }

    if (record.fold && inOrder) foldEvent(record.fold, envelope, contentHash);
    if (found.length > 0) (record.findings ??= []).push(...found);
    if (record.retained) record.retained.push({ envelope, location, findings: found.map((f) => f.kind) });
  }

  private newRecord(streamId: string, first: EventEnvelope): StreamRecord {
    const partial = first.streamVersion > 1 && this.options.filter?.from !== undefined;
    const rebuild = this.rebuild.length > 0;
    const aggregate = rebuild ? (aggregateOf(streamId, this.rebuild) ?? null) : null;
    const match = this.selector.start(streamId);
    return {
      streamId,
      // From a point in time the first event read is the anchor: its link to the unread past is trusted.
      cursor: partial ? startChain({ version: first.streamVersion - 1, hash: first.prevHash, eventId: null }) : startChain(),
      match,
      events: 0,
      partial,
      findings: null,
      fold: rebuild && !partial ? startFold(aggregate) : null,
      retained: this.options.retainEvents && match ? [] : null,
    };
  }

  private chainFinding(f: ChainFinding, envelope: EventEnvelope, contentHash: string, location: LogLocation, lastHash?: string | null): AuditFinding {
    const base = { source: 'log' as const, streamId: f.streamId, eventId: envelope.eventId, location };
    switch (f.kind) {
      case 'hash-mismatch':
        return { ...base, kind: 'hash-mismatch', version: f.version, detail: `version ${f.version}: the content does not hash to the sealed hash (altered after sealing)`, data: { sealedHash: envelope.hash, contentHash } };
      case 'broken-link':
        return { ...base, kind: 'broken-link', version: f.version, detail: `version ${f.version} does not link to the previous event`, data: { expectedPrevHash: f.expectedPrevHash, actualPrevHash: f.actualPrevHash } };
      case 'gap':
        return f.actualVersion > f.expectedVersion
          ? { ...base, kind: 'gap', version: f.expectedVersion, detail: `versions ${f.expectedVersion}..${f.actualVersion - 1} are missing (read version ${f.actualVersion} next)`, data: { missingFrom: f.expectedVersion, missingTo: f.actualVersion - 1, readNext: f.actualVersion } }
          : { ...base, kind: 'duplicate', version: f.actualVersion, detail: `version ${f.actualVersion} read again`, data: { expectedVersion: f.expectedVersion } };
      case 'duplicate': {
        const identical = f.eventIds[0] === f.eventIds[1] && envelope.hash === lastHash && contentHash === envelope.hash;
        return {
          ...base,
          kind: 'duplicate',
          version: f.version,
          detail: identical ? `version ${f.version} published twice (identical copy)` : `two different events claim version ${f.version}`,
          data: { identical, firstEventId: f.eventIds[0] ?? null, secondEventId: f.eventIds[1] ?? null },
        };
      }
    }
  }

  private malformed(key: string | null, raw: unknown, location: LogLocation, error: string): void {
    const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    const streamId = typeof r['streamId'] === 'string' ? r['streamId'] : key;
    const version = typeof r['streamVersion'] === 'number' ? r['streamVersion'] : null;
    const finding: AuditFinding = { kind: 'malformed-envelope', source: 'log', streamId, version, location, detail: error };
    const record = streamId === null ? undefined : this.records.get(streamId);
    if (record) (record.findings ??= []).push(finding);
    else this.orphanFindings.push(finding);
  }

  streams(): IterableIterator<StreamRecord> {
    return this.records.values();
  }

  stream(streamId: string): StreamRecord | undefined {
    return this.records.get(streamId);
  }

  isSelected(record: StreamRecord): boolean {
    return this.selector.selected(record.match);
  }

  /** Findings of the selected streams, and log-level findings unless the filter names streams. */
  findings(): AuditFinding[] {
    const out: AuditFinding[] = [];
    for (const r of this.records.values()) if (r.findings && this.isSelected(r)) out.push(...r.findings);
    const named = new Set(this.options.filter?.streams ?? []);
    for (const f of this.orphanFindings) {
      if (!this.selector.narrowsStreams || (f.streamId !== null && named.has(f.streamId))) out.push(f);
    }
    return out.sort(compareFindings);
  }
}
