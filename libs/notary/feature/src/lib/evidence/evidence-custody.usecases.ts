import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { EventBackbone } from '@yrd/backbone';
import type { Actor } from '@yrd/contracts';
import type { BlobStore } from '@yrd/evidence-storage';
import { Caller, EvidenceDecision, EvidenceState, NotaryReceipt, decideEvidence, evidenceAggregate, evidenceStreamId } from '@yrd/notary-domain';
import { LeafRecord } from '../merkle-log/leaf-record';
import { MerkleLogService } from '../merkle-log/merkle-log.service';
import { badRequest, evidenceErrorToHttp, notFound, unprocessable } from '../notary-errors';
import { BLOB_STORE } from '../notary.tokens';
import { PublishedTreeHead, TreeHeadService } from '../tree-heads/tree-head.service';
import { ReceiptService } from './receipt.service';

const ENTRY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export interface InclusionProofView {
  entryId: string;
  leafIndex: number;
  leafHash: string;
  treeSize: number;
  proof: string[];
  treeHead: PublishedTreeHead | { treeSize: number; rootHash: string };
}

/** What a reader of a clue's evidence sees in a list (no content; the receipt has the proofs). */
export interface EvidenceListItem {
  entryId: string;
  sha256: string;
  size: number;
  notarizedAt: string;
  ownerBureau?: string;
  mediaType: string;
  fileName?: string;
  title?: string;
}

export interface Download {
  stream: Readable;
  mediaType: string;
  size: number;
  fileName?: string;
  sha256: string;
}

/**
 * Where one read of an entry is recorded: a stream of its own, so reads never contend with each
 * other (nor with a share) for the entry's next version. Each is a one-event hash chain.
 */
export const custodyStreamId = (entryId: string, readId: string = randomUUID()): string => `evidence-custody-${entryId}-${readId}`;

/**
 * Reading an entry is part of its chain of custody: every receipt, proof and download is first
 * decided on the entry's state (who may) and recorded as an event, then served. The record of a
 * read goes to a custody stream of its own ({@link custodyStreamId}): a read never fails because
 * others read at the same time.
 */
@Injectable()
export class EvidenceCustodyUseCases {
  private readonly repo;

  constructor(
    private readonly backbone: EventBackbone,
    private readonly merkleLog: MerkleLogService,
    private readonly receipts: ReceiptService,
    private readonly treeHeads: TreeHeadService,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {
    this.repo = backbone.repository(evidenceAggregate);
  }

  async receipt(entryId: string, actor: Actor): Promise<NotaryReceipt> {
    const state = await this.decide(entryId, actor, (c, now) => decideEvidence.access(c, 'receipt', now), 'read');
    return this.receipts.forRecord(await this.record(state));
  }

  async download(entryId: string, actor: Actor): Promise<Download> {
    const state = await this.decide(entryId, actor, (c, now) => decideEvidence.download(c, now), 'read');
    const record = await this.record(state);
    const meta = record.metadata as { mediaType: string; fileName?: string };
    return { stream: await this.blobs.get(record.entry.sha256), mediaType: meta.mediaType, size: record.entry.size, fileName: meta.fileName, sha256: record.entry.sha256 };
  }

  /**
   * The evidence of a clue that the caller may read (its bureau's own, or shared with it); each
   * entry listed is recorded as a metadata access in its chain of custody, the others are left out.
   */
  async forClue(clueId: string, actor: Actor): Promise<EvidenceListItem[]> {
    if (!/^[\w.:-]{1,100}$/.test(clueId)) throw badRequest('clueId must be 1-100 letters, digits, "_", ".", ":" or "-"');
    const items: EvidenceListItem[] = [];
    for (const record of await this.merkleLog.evidenceForClue(clueId)) {
      const allowed = await this.decide(record.entry.entryId, actor, (c, now) => decideEvidence.access(c, 'metadata', now), 'read').then(
        () => true,
        () => false,
      );
      if (!allowed) continue;
      const meta = record.metadata as { mediaType: string; fileName?: string; title?: string };
      items.push({
        entryId: record.entry.entryId,
        sha256: record.entry.sha256,
        size: record.entry.size,
        notarizedAt: record.entry.notarizedAt,
        ...(record.ownerBureau ? { ownerBureau: record.ownerBureau } : {}),
        mediaType: meta.mediaType,
        ...(meta.fileName ? { fileName: meta.fileName } : {}),
        ...(meta.title ? { title: meta.title } : {}),
      });
    }
    return items;
  }

  async share(entryId: string, actor: Actor, toBureau: string, reason?: string): Promise<{ entryId: string; sharedWith: string[] }> {
    const state = await this.decide(entryId, actor, (c, now) => decideEvidence.share(c, toBureau, reason, now));
    return { entryId, sharedWith: state.sharedWith };
  }

  async inclusionProof(entryId: string, actor: Actor, treeSize?: number): Promise<InclusionProofView> {
    const state = await this.decide(entryId, actor, (c, now) => decideEvidence.access(c, 'proof', now), 'read');
    const leafIndex = state.leafIndex as number;
    const size = this.merkleLog.size;
    if (treeSize !== undefined && (!Number.isSafeInteger(treeSize) || treeSize <= leafIndex || treeSize > size)) {
      throw unprocessable(`treeSize must be an integer in ${leafIndex + 1}..${size}`);
    }
    const head = treeSize === undefined ? await this.treeHeads.covering(leafIndex + 1) : { treeSize, rootHash: this.merkleLog.tree.rootHash(treeSize).toString('hex') };
    return {
      entryId,
      leafIndex,
      leafHash: this.merkleLog.tree.leafHash(leafIndex).toString('hex'),
      treeSize: head.treeSize,
      proof: this.merkleLog.tree.inclusionProof(leafIndex, head.treeSize).map((h) => h.toString('hex')),
      treeHead: head,
    };
  }

  /** `read`: the decision records a read (custody), on a stream of its own; otherwise it changes the entry. */
  private async decide(entryId: string, actor: Actor, decision: (caller: Caller, now: Date) => (s: EvidenceState) => EvidenceDecision, kind: 'read' | 'change' = 'change'): Promise<EvidenceState> {
    if (!ENTRY_ID.test(entryId)) throw notFound('no such evidence entry');
    const now = new Date();
    const meta = this.backbone.metadata(actor, null, now);
    const outcome =
      kind === 'read'
        ? await this.repo.recordFact(evidenceStreamId(entryId), custodyStreamId(entryId), decision(actor, now), meta)
        : await this.repo.handle(evidenceStreamId(entryId), decision(actor, now), meta);
    if (!outcome.ok) throw evidenceErrorToHttp(outcome.error);
    return outcome.state;
  }

  private async record(state: EvidenceState): Promise<LeafRecord> {
    const record = state.leafIndex === undefined ? undefined : await this.merkleLog.record(state.leafIndex);
    if (!record) throw notFound('the entry is not in this notary’s log');
    return record;
  }
}
