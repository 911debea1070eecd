import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection, Connection } from 'mongoose';
import { EventBackbone } from '@yrd/backbone';
import { SignedTreeHead, TreeHeadSigner, treeHeadSigningBytes } from '@yrd/merkle';
import { recordTreeHead, treeHeadLogAggregate, treeHeadStreamId } from '@yrd/notary-domain';
import type { TimeStampAuthority } from '@yrd/tsa';
import { MerkleLogService } from '../merkle-log/merkle-log.service';
import { NotaryConfig } from '../notary.config';
import { NOTARY_CONFIG, TIME_STAMP_AUTHORITY, TREE_HEAD_SIGNER } from '../notary.tokens';

/** A signed tree head as published: with the RFC 3161 token over its signing bytes. */
export interface PublishedTreeHead extends SignedTreeHead {
  /** Base64 DER token over SHA-256 of the 50 signing bytes (`openssl ts -verify -data sth.bin`). */
  timeStampToken: string;
}

interface TreeHeadRecord extends PublishedTreeHead {
  _id: string;
}

const SYSTEM = { userId: 'evidence-notary', bureau: 'YRD-NOTARY', role: 'system' as const };

/**
 * Signs tree heads on demand (a receipt needs one covering its leaf) and on a schedule,
 * records each as `notary.tree-head-signed`, time-stamps it, and keeps them insert-only in
 * `notary_tree_heads` (`_id` = zero-padded size + timestamp, so the latest sorts last).
 * Concurrent requests share one signing in flight.
 */
@Injectable()
export class TreeHeadService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(TreeHeadService.name);
  private readonly heads: Collection<TreeHeadRecord>;
  private latestHead?: PublishedTreeHead;
  private inflight?: Promise<PublishedTreeHead>;
  private timer?: NodeJS.Timeout;
  private readonly repo;

  constructor(
    @InjectConnection() connection: Connection,
    private readonly merkleLog: MerkleLogService,
    private readonly backbone: EventBackbone,
    @Inject(TREE_HEAD_SIGNER) private readonly signer: TreeHeadSigner,
    @Inject(TIME_STAMP_AUTHORITY) private readonly tsa: TimeStampAuthority,
    @Inject(NOTARY_CONFIG) private readonly config: NotaryConfig,
  ) {
    this.heads = connection.collection<TreeHeadRecord>('notary_tree_heads');
    this.repo = backbone.repository(treeHeadLogAggregate);
  }

  async onModuleInit(): Promise<void> {
    const [last] = await this.heads.find().sort({ _id: -1 }).limit(1).toArray();
    if (last) {
      const { _id: _ignored, ...head } = last;
      this.latestHead = head;
    }
  }

  onApplicationBootstrap(): void {
    const every = this.config.NOTARY_TREE_HEAD_INTERVAL_MS;
    if (every > 0) {
      this.timer = setInterval(() => {
        if (this.merkleLog.size === (this.latestHead?.treeSize ?? 0)) return;
        this.sign('scheduled').catch((e) => this.log.warn(`scheduled tree head failed: ${(e as Error).message}`));
      }, every);
      this.timer.unref();
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  get publicKeyPem(): string {
    return this.signer.publicKeyPem();
  }

  get keyId(): string {
    return this.signer.keyId;
  }

  latest(): PublishedTreeHead | undefined {
    return this.latestHead;
  }

  /** A published head covering at least `minSize` leaves, signing a new one only if needed. */
  async covering(minSize: number = this.merkleLog.size): Promise<PublishedTreeHead> {
    for (;;) {
      if (this.latestHead && this.latestHead.treeSize >= minSize) return this.latestHead;
      if (this.inflight) {
        await this.inflight.catch(() => undefined);
        continue;
      }
      return this.sign('on-demand');
    }
  }

  /** Signs the current tree (scheduled ticks and explicit requests). */
  sign(trigger: 'scheduled' | 'on-demand'): Promise<PublishedTreeHead> {
    const run = async (): Promise<PublishedTreeHead> => {
      const treeSize = this.merkleLog.size;
      const sth = this.signer.sign({ treeSize, rootHash: this.merkleLog.tree.rootHash(treeSize).toString('hex'), timestamp: Date.now() });
      const stamp = await this.tsa.stamp(createHash('sha256').update(treeHeadSigningBytes(sth)).digest());
      const outcome = await this.repo.handle(treeHeadStreamId(new Date(sth.timestamp)), recordTreeHead(sth, trigger), this.backbone.metadata(SYSTEM));
      if (!outcome.ok) throw new Error(`tree head refused: ${outcome.error.message}`);
      const head: PublishedTreeHead = { ...sth, timeStampToken: stamp.token.toString('base64') };
      await this.heads.insertOne({ _id: `${String(treeSize).padStart(15, '0')}:${sth.timestamp}`, ...head });
      if (!this.latestHead || head.treeSize >= this.latestHead.treeSize) this.latestHead = head;
      return head;
    };
    const p = (this.inflight ?? Promise.resolve()).catch(() => undefined).then(run);
    this.inflight = p;
    void p.finally(() => {
      if (this.inflight === p) this.inflight = undefined;
    }).catch(() => undefined);
    return p;
  }
}
