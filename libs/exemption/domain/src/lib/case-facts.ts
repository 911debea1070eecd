/**
 * Money facts (goods value, illegal income, sales) are integers in fen up to ¥1 billion: beyond
 * any market-supervision case, and far inside the safe-integer range so fines computed as
 * multiples of them stay exact.
 */
export const MAX_CASE_AMOUNT_FEN = 100_000_000_000;
/** A violation cannot have lasted longer than the PRC has existed (≈ 28,000 days). */
export const MAX_VIOLATION_DAYS = 30_000;

/** Facts of a case, as the officer recorded them, that list conditions are evaluated over. */
export interface CaseFacts {
  caseRef: string;
  /** The bureau handling the case: decides the region and the lists that apply. */
  bureau: string;
  subject: { name?: string; creditCode?: string; personId?: string };
  violationKind: string;
  /** The day the case is judged on (lists in force on this day apply). */
  caseDate: string;
  /** Day the violation was discovered. */
  discoveredOn?: string;
  correction?: {
    /** Deadline set by the correction order (责令改正通知书). */
    orderedBy?: string;
    /** Day the party corrected; absent if not corrected. */
    correctedOn?: string;
  };
  harm?: 'none' | 'minor' | 'serious';
  noSubjectiveFaultProven?: boolean;
  amounts?: { goodsValueFen?: number; illegalIncomeFen?: number; salesFen?: number };
  violationDays?: number;
  flags?: Record<string, boolean>;
}

/** A decision the region counts as history (own or recognised), as the sanctions context provides it. */
export interface PriorViolation {
  decisionId: string;
  decisionNumber: string;
  violationKind: string;
  decisionDate: string;
  sourceRegion: string;
  origin: 'own' | 'recognised';
}
