import express, { type Router } from 'express';
import { DEV_USERS, isDevelopmentMode, mintToken } from '@yrd/auth';

/**
 * Development sign-in for the console: lists the auth lib's demo users and mints a token for one.
 * Only with NODE_ENV=development|test; in production these routes do not exist (404) and people
 * sign in through the bureaus' identity provider instead.
 */
export function mountDevLogin(router: Router, env: Readonly<Record<string, string | undefined>>): void {
  if (!isDevelopmentMode(env)) return;
  const users = DEV_USERS.map(({ sub, name, role, bureau }) => ({ sub, name, role, bureau }));

  router.get('/api/auth/dev-users', (_req, res) => {
    res.json(users);
  });

  router.post('/api/auth/dev-login', express.json({ limit: '4kb' }), (req, res) => {
    const sub = typeof req.body?.user === 'string' ? req.body.user : undefined;
    const user = users.find((u) => u.sub === sub);
    if (!user) {
      res.status(400).json({ statusCode: 400, message: `user: unknown development user '${sub ?? ''}'` });
      return;
    }
    const token = mintToken(user, { env, ttl: '8h' });
    res.json({ token, ...user });
  });
}
