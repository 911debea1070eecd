import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { DiscretionStandard, StandardProblem, validateStandardFile } from './standard.schema';
import { StandardRegistry } from './standard-registry';

export type StandardPublicationErrorCode = 'INVALID_STANDARD' | 'VERSION_EXISTS' | 'VERSION_NOT_NEWER' | 'RETROACTIVE' | 'SCOPE_CHANGED';

export interface StandardPublicationError {
  code: StandardPublicationErrorCode;
  message: string;
  problems?: StandardProblem[];
}

export interface DiscretionStandardPublished {
  type: 'discretion-standard.published';
  data: {
    standardId: string;
    version: number;
    region: string;
    violationKind: string;
    title: string;
    effectiveFrom: string;
    effectiveTo?: string;
    contentHash: string;
    standard: DiscretionStandard;
    publishedBy: string;
    publishedAt: string;
  };
}

export interface PublicationState {
  versions: number[];
}
export const initialState = (): PublicationState => ({ versions: [] });
export const evolve = (s: PublicationState, e: DiscretionStandardPublished): PublicationState => ({ versions: [...s.versions, e.data.version] });

export interface PublishStandardVersion {
  type: 'PublishStandardVersion';
  data: { file: unknown; by: string; today: string };
}

export const contentHashOf = (s: DiscretionStandard): string => createHash('sha256').update(canonicalize(s) ?? '').digest('hex');

type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/**
 * The exemption lists' publication rules, for standards: valid file; a version is never replaced;
 * no retroactive effect (a past decision keeps the standard it was measured against); same region
 * and matter as the earlier versions.
 */
export function decide(command: PublishStandardVersion, state: PublicationState, now: Date, registry: StandardRegistry): Result<DiscretionStandardPublished[], StandardPublicationError> {
  const v = validateStandardFile(command.data.file);
  if (!v.ok) return { ok: false, error: { code: 'INVALID_STANDARD', message: `the standard file is invalid: ${v.summary}`, problems: v.problems } };
  const s = v.standard;
  if (state.versions.includes(s.version) || registry.get(s.standardId, s.version)) {
    return { ok: false, error: { code: 'VERSION_EXISTS', message: `version ${s.version} of ${s.standardId} is published and is never edited; publish a new version` } };
  }
  const latest = registry.latest(s.standardId);
  const latestVersion = Math.max(latest?.version ?? 0, ...state.versions);
  if (s.version <= latestVersion) return { ok: false, error: { code: 'VERSION_NOT_NEWER', message: `version ${s.version} is not newer than the published version ${latestVersion} of ${s.standardId}` } };
  if (s.effectiveFrom < command.data.today) {
    return { ok: false, error: { code: 'RETROACTIVE', message: `effectiveFrom ${s.effectiveFrom} is before today ${command.data.today}: a standard cannot take effect retroactively` } };
  }
  if (latest && (latest.region !== s.region || latest.violationKind !== s.violationKind)) {
    return { ok: false, error: { code: 'SCOPE_CHANGED', message: `${s.standardId} is for ${latest.violationKind} in ${latest.region}; a new version cannot change that` } };
  }
  return {
    ok: true,
    value: [
      {
        type: 'discretion-standard.published',
        data: {
          standardId: s.standardId,
          version: s.version,
          region: s.region,
          violationKind: s.violationKind,
          title: s.title,
          effectiveFrom: s.effectiveFrom,
          ...(s.effectiveTo ? { effectiveTo: s.effectiveTo } : {}),
          contentHash: contentHashOf(s),
          standard: s,
          publishedBy: command.data.by,
          publishedAt: now.toISOString(),
        },
      },
    ],
  };
}
