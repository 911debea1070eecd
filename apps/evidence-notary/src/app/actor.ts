import type { Principal } from '@yrd/auth';
import type { Actor } from '@yrd/contracts';

/** The event actor for the caller. */
export const actorOf = (p: Principal): Actor => ({ userId: p.sub, bureau: p.bureau, role: p.role });
