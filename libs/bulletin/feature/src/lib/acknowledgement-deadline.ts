import { addWorkingDays, chinaDateOf } from '@yrd/calendar';
import type { BulletinConfig } from './bulletin-config';

export interface AcknowledgementDeadline {
  /** The last China date (real calendar) or instant (compressed time) for reading it. */
  due: string;
  overdue: boolean;
  provisional: boolean;
}

/**
 * When audience bureaus should have read a bulletin: N working days after the day it was
 * published (the holiday calendar decides which days work). Under compressed time (tests, demos)
 * N × DEADLINE_SECONDS_PER_WORKING_DAY seconds after publication.
 */
export function acknowledgementDeadline(publishedAt: string, config: BulletinConfig, now: Date): AcknowledgementDeadline {
  if (config.secondsPerWorkingDay !== undefined) {
    const due = new Date(Date.parse(publishedAt) + config.ackWorkingDays * config.secondsPerWorkingDay * 1000);
    return { due: due.toISOString(), overdue: now.getTime() > due.getTime(), provisional: false };
  }
  const added = addWorkingDays(chinaDateOf(new Date(publishedAt)), config.ackWorkingDays);
  return { due: added.date, overdue: chinaDateOf(now) > added.date, provisional: added.provisional };
}
