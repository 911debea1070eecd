import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { ListRegistry } from './list-registry';
import { ExemptionList } from './list.schema';
import { ListProblem, validateListFile } from './list-validation';

export type PublicationErrorCode = 'INVALID_LIST' | 'VERSION_EXISTS' | 'VERSION_NOT_NEWER' | 'RETROACTIVE' | 'SCOPE_CHANGED';

export interface PublicationError {
  code: PublicationErrorCode;
  message: string;
  /** For INVALID_LIST: each problem with the item and field. */
  problems?: ListProblem[];
}

export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export interface ExemptionListPublished {
  type: 'exemption-list.published';
  data: {
    listId: string;
    version: number;
    kind: ExemptionList['kind'];
    region: string;
    title: string;
    effectiveFrom: string;
    effectiveTo?: string;
    itemCount: number;
    /** SHA-256 of the canonical JSON of the list. */
    contentHash: string;
    list: ExemptionList;
    publishedBy: string;
    publishedAt: string;
  };
}

/** A list stream's state: the versions published through it. */
export interface PublicationState {
  versions: number[];
}
export const initialState = (): PublicationState => ({ versions: [] });
export const evolve = (s: PublicationState, e: ExemptionListPublished): PublicationState => ({ versions: [...s.versions, e.data.version] });

export interface PublishListVersion {
  type: 'PublishListVersion';
  data: { file: unknown; by: string; today: string };
}

export const contentHashOf = (list: ExemptionList): string => createHash('sha256').update(canonicalize(list) ?? '').digest('hex');

/**
 * Publishing a new version: the file must validate; a published version is never replaced (a
 * change is a new, higher version); it takes effect no earlier than the day it is published, so
 * past evaluations stay reproducible; its scope stays that of the list.
 */
export function decide(command: PublishListVersion, state: PublicationState, now: Date, registry: ListRegistry): Result<ExemptionListPublished[], PublicationError> {
  const v = validateListFile(command.data.file);
  if (!v.ok) return { ok: false, error: { code: 'INVALID_LIST', message: `the list file is invalid: ${v.summary}`, problems: v.problems } };
  const list = v.list;
  if (state.versions.includes(list.version) || registry.get(list.listId, list.version)) {
    return { ok: false, error: { code: 'VERSION_EXISTS', message: `version ${list.version} of ${list.listId} is published and is never edited; publish a new version` } };
  }
  const latest = registry.latest(list.listId);
  const latestVersion = Math.max(latest?.version ?? 0, ...state.versions);
  if (list.version <= latestVersion) {
    return { ok: false, error: { code: 'VERSION_NOT_NEWER', message: `version ${list.version} is not newer than the published version ${latestVersion} of ${list.listId}` } };
  }
  if (list.effectiveFrom < command.data.today) {
    return { ok: false, error: { code: 'RETROACTIVE', message: `effectiveFrom ${list.effectiveFrom} is before today ${command.data.today}: a list version cannot take effect retroactively` } };
  }
  if (latest && (latest.region !== list.region || latest.kind !== list.kind)) {
    return { ok: false, error: { code: 'SCOPE_CHANGED', message: `${list.listId} is a ${latest.kind} list for ${latest.region}; a new version cannot change that` } };
  }
  return {
    ok: true,
    value: [
      {
        type: 'exemption-list.published',
        data: {
          listId: list.listId,
          version: list.version,
          kind: list.kind,
          region: list.region,
          title: list.title,
          effectiveFrom: list.effectiveFrom,
          ...(list.effectiveTo ? { effectiveTo: list.effectiveTo } : {}),
          itemCount: list.items.length,
          contentHash: contentHashOf(list),
          list,
          publishedBy: command.data.by,
          publishedAt: now.toISOString(),
        },
      },
    ],
  };
}
