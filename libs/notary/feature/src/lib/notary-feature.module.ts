import { DynamicModule, Module } from '@nestjs/common';
import { CaseDirectory } from './cases/case-directory';
import { NotarizeCheckpointUseCase } from './checkpoints/notarize-checkpoint.usecase';
import { EvidenceCustodyUseCases } from './evidence/evidence-custody.usecases';
import { LogEntryService } from './evidence/log-entry.service';
import { NotarizeEvidenceUseCase } from './evidence/notarize-evidence.usecase';
import { ReceiptService } from './evidence/receipt.service';
import { TsaPems } from './evidence/tsa-pems';
import { VerifyEvidenceUseCase } from './evidence/verify-evidence.usecase';
import { MerkleLogService } from './merkle-log/merkle-log.service';
import { createBlobStore, createTimeStampAuthority, loadTreeHeadSigner } from './notary-adapters';
import { NotaryConfig, parseNotaryConfig } from './notary.config';
import { BLOB_STORE, NOTARY_CONFIG, TIME_STAMP_AUTHORITY, TREE_HEAD_SIGNER } from './notary.tokens';
import { LogProofsUseCase } from './tree-heads/log-proofs.usecase';
import { TreeHeadService } from './tree-heads/tree-head.service';
import type { TimeStampAuthority } from '@yrd/tsa';

const USE_CASES = [NotarizeEvidenceUseCase, EvidenceCustodyUseCases, VerifyEvidenceUseCase, NotarizeCheckpointUseCase, LogProofsUseCase];

/**
 * The evidence notary's use cases and adapters. Needs PlatformModule (MongoDB) and
 * BackboneModule imported before it.
 */
@Module({})
export class NotaryFeatureModule {
  static forRoot(options: { env?: Record<string, string | undefined> } = {}): DynamicModule {
    return {
      module: NotaryFeatureModule,
      providers: [
        { provide: NOTARY_CONFIG, useFactory: () => parseNotaryConfig(options.env ?? process.env) },
        { provide: BLOB_STORE, inject: [NOTARY_CONFIG], useFactory: (c: NotaryConfig) => createBlobStore(c) },
        { provide: TIME_STAMP_AUTHORITY, inject: [NOTARY_CONFIG], useFactory: (c: NotaryConfig) => createTimeStampAuthority(c) },
        { provide: TREE_HEAD_SIGNER, inject: [NOTARY_CONFIG], useFactory: (c: NotaryConfig) => loadTreeHeadSigner(c) },
        { provide: TsaPems, inject: [TIME_STAMP_AUTHORITY], useFactory: (t: TimeStampAuthority) => new TsaPems(t.caCertificatePem(), t.tsaCertificatePem()) },
        MerkleLogService,
        TreeHeadService,
        CaseDirectory,
        LogEntryService,
        ReceiptService,
        ...USE_CASES,
      ],
      exports: [...USE_CASES, TreeHeadService, CaseDirectory, MerkleLogService, NOTARY_CONFIG, TIME_STAMP_AUTHORITY, BLOB_STORE],
    };
  }
}
