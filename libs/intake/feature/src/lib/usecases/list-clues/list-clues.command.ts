import { UnprocessableEntityException } from '@nestjs/common';
import type { BureauScopeValue } from '@yrd/auth';
import type { Clue } from '@yrd/referral-domain';
import { isClueId } from '../../ports/clue-streams';
import type { ClueViewStatus } from '../../views/clue-view';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Opaque cursor: base64url of `{"b":"<last clue id>"}` (the list is newest first by clue id). */
export function encodeCursor(lastClueId: string): string {
  return Buffer.from(JSON.stringify({ b: lastClueId }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { b?: unknown };
    if (typeof parsed.b === 'string' && isClueId(parsed.b)) return parsed.b;
  } catch {
    // fall through
  }
  // Any string is a cursor per the contract: one this API never returned is refused as content (422).
  throw new UnprocessableEntityException({ statusCode: 422, error: 'INVALID_CURSOR', message: 'cursor is not one this API returned' });
}

/** List the clues of a bureau scope (from `@BureauScope()`: the caller's bureau unless auditor/admin). */
export class ListCluesCommand {
  private constructor(
    readonly scope: BureauScopeValue,
    readonly filters: {
      status?: ClueViewStatus;
      urgency?: Clue.Urgency;
      referred?: boolean;
      overdue?: boolean;
      from?: string;
      to?: string;
    },
    readonly limit: number,
    readonly before?: string,
  ) {}

  static create(p: {
    scope: BureauScopeValue;
    filters?: ListCluesCommand['filters'];
    limit?: number;
    cursor?: string;
  }): ListCluesCommand {
    const limit = Math.min(Math.max(Math.trunc(p.limit ?? DEFAULT_PAGE_SIZE), 1), MAX_PAGE_SIZE);
    return new ListCluesCommand(p.scope, { ...p.filters }, limit, p.cursor ? decodeCursor(p.cursor) : undefined);
  }
}
