/** Roles of the auth lib's principals (libs/shared/auth). */
export type Role = 'officer' | 'bureau' | 'auditor' | 'admin';

/** Who is signed in: the development user's claims and the bearer token the gateway minted. */
export interface Session {
  token: string;
  sub: string;
  name: string;
  role: Role;
  /** GB/T 2260 code of the user's bureau, e.g. 310118 (Qingpu). */
  bureau: string;
}
