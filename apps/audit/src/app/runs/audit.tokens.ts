import type { CheckpointNotary } from '@yrd/audit-feature';

export const AUDIT_REPLAY = Symbol('AUDIT_REPLAY');
export const AUDIT_NOTARY = Symbol('AUDIT_NOTARY');
export const AUDIT_CHECKPOINTER = Symbol('AUDIT_CHECKPOINTER');
export const REPORT_FILES = Symbol('REPORT_FILES');

export type MaybeNotary = CheckpointNotary | null;
