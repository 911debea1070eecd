import type { CheckpointMetadata, EvidenceMetadata } from '@yrd/contracts';
import { canonicalJson, sha256Hex } from './hex';

/** The shapes are declared in @yrd/contracts (they travel in the notary's events). */
export { CollectionMethod, EvidenceSource, EvidenceMetadata, CheckpointMetadata } from '@yrd/contracts';

export function metadataHash(metadata: EvidenceMetadata | CheckpointMetadata): string {
  return sha256Hex(canonicalJson(metadata));
}
