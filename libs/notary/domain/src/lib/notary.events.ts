/**
 * The notary's events are declared in @yrd/contracts with every other event type (one catalogue);
 * re-exported here so the notary's code keeps importing them from its domain.
 */
export {
  CheckpointNotarizedPayload,
  EvidenceAccessedPayload,
  EvidenceDownloadedPayload,
  EvidenceNotarizedPayload,
  EvidenceSharedPayload,
  EvidenceVerifiedPayload,
  notaryEvents,
  TreeHeadSignedPayload,
  type NotaryEventType,
  type NotaryPayload,
  type NotaryPayloads,
} from '@yrd/contracts';
