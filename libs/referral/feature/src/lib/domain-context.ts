import type { Actor } from '@yrd/contracts';
import { defaultContext, DomainContext } from '@yrd/referral-domain';

/** The deciders' reference data (calendar, bureau registry, designation policy), one per process. */
export const DOMAIN_CONTEXT = Symbol('DOMAIN_CONTEXT');

/**
 * The process-wide context: its calendar is `@yrd/calendar`'s `defaultCalendar`, into which
 * `POST /calendar/years` loads newer notices.
 */
export const domainContextProvider = { provide: DOMAIN_CONTEXT, useFactory: (): DomainContext => defaultContext() };

/** The service acting on its own (consumers, deadline jobs), for a bureau or authority. */
export const systemActor = (bureau: string): Actor => ({ userId: 'clue-transfer', bureau, role: 'system' });
