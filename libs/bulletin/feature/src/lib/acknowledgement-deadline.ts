import { addWorkingDays, chinaDateOf } from '@yrd/calendar';
import type { BulletinConfig } from './bulletin-config';

export interface AcknowledgementDeadline {
  /** The last China date (real calendar) or instant (compressed time) for reading it. */
  due: string;
  /** The instant from which it is overdue (the day after a due date begins, China time). */
  overdueFrom: Date;
  overdue: boolean;
  provisional: boolean;
}

const CHINA_OFFSET_MS = 8 * 3600_000;

/**
 * When audience bureaus should have read a bulletin: N working days after the day it was
 * published (the holiday calendar decides which days work). Under compressed time (tests, demos)
 * N × DEADLINE_SECONDS_PER_WORKING_DAY seconds after publication.
 */
export function acknowledgementDeadline(publishedAt: string, config: BulletinConfig, now: Date): AcknowledgementDeadline {
  if (config.secondsPerWorkingDay !== undefined) {
    const due = new Date(Date.parse(publishedAt) + config.ackWorkingDays * config.secondsPerWorkingDay * 1000);
    return { due: due.toISOString(), overdueFrom: due, overdue: now.getTime() > due.getTime(), provisional: false };
  }
  const added = addWorkingDays(chinaDateOf(new Date(publishedAt)), config.ackWorkingDays);
  const overdueFrom = new Date(Date.parse(`${added.date}T00:00:00Z`) + 24 * 3600_000 - CHINA_OFFSET_MS);
  return { due: added.date, overdueFrom, overdue: chinaDateOf(now) > added.date, provisional: added.provisional };
}
