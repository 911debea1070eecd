import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { ApiError } from '../api/api-error';
import { useSession } from '../session/session-context';
import { ErrorAlert } from '../ui/error-alert';

interface DevUser {
  sub: string;
  name: string;
  role: string;
  bureau: string;
}

/** Pick one of the auth lib's development users; the gateway mints a token for it. */
export function SignIn() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [users, setUsers] = useState<DevUser[]>([]);
  const [user, setUser] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call<DevUser[]>('auth', 'dev-users')
      .then((u) => {
        setUsers(u);
        setUser((cur) => cur || u[0]?.sub || '');
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await signIn(user);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };

  return (
    <form className="card sign-in" onSubmit={submit} aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signInAs')}</h1>
      <label htmlFor="dev-user">{t('user')}</label>
      <select id="dev-user" value={user} onChange={(e) => setUser(e.target.value)}>
        {users.map((u) => (
          <option key={u.sub} value={u.sub}>
            {u.name} · {t(`role.${u.role}`)} · {u.bureau} ({u.sub})
          </option>
        ))}
      </select>
      <button type="submit" disabled={!user}>
        {t('signIn')}
      </button>
      <ErrorAlert message={error} />
    </form>
  );
}
