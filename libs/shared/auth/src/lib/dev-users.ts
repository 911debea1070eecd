import { Principal } from './principal';

export interface DevUser extends Principal {
  name: string;
}

function pair(code: string, bureau: string, place: string): DevUser[] {
  return [
    {
      sub: `officer-${code}-1`,
      name: `${place} officer (demo)`,
      role: 'officer',
      bureau,
    },
    {
      sub: `bureau-${code}-1`,
      name: `${place} bureau desk (demo)`,
      role: 'bureau',
      bureau,
    },
  ];
}

/**
 * Demo users for the quick start, e2e tests and the web console (development only: their tokens
 * are minted with whatever key is configured, they are not accounts anywhere).
 */
export const DEV_USERS: readonly DevUser[] = Object.freeze([
  ...pair('qp', '310118', 'Qingpu'),
  ...pair('wj', '320509', 'Wujiang'),
  ...pair('jsh', '330421', 'Jiashan'),
  ...pair('sh', '310000', 'Shanghai'),
  ...pair('js', '320000', 'Jiangsu'),
  ...pair('zj', '330000', 'Zhejiang'),
  ...pair('ah', '340000', 'Anhui'),
  {
    sub: 'auditor-1',
    name: 'Auditor (demo)',
    role: 'auditor',
    bureau: '310000',
  },
  {
    sub: 'admin-1',
    name: 'Administrator (demo)',
    role: 'admin',
    bureau: '310000',
  },
]);

/** The demo user with this id; throws when there is none. */
export function devUser(sub: string): DevUser {
  const user = DEV_USERS.find((u) => u.sub === sub);
  if (!user) {
    throw new Error(
      `Unknown development user '${sub}'; known: ${DEV_USERS.map((u) => u.sub).join(', ')}`,
    );
  }
  return user;
}
