import { NavLink, Navigate, Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n/i18n';
import { useSession } from '../session/session-context';
import { allScreens } from './screens';
import { SignIn } from './sign-in';

/** The shell: header (user, language, sign-out), the role's menu, and the role's screens. */
export function App() {
  const { t, i18n } = useTranslation();
  const { session, signOut } = useSession();
  const screens = session ? allScreens.filter((s) => s.roles.includes(session.role)) : [];
  const menu = screens.filter((s) => s.navLabel);

  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t('appTitle')}</span>
        <span className="spacer" />
        <label className="lang">
          <span className="visually-hidden">{t('language')}</span>
          <select
            aria-label={t('language')}
            value={i18n.language.startsWith('en') ? 'en' : 'zh'}
            onChange={(e) => switchLanguage(e.target.value as 'zh' | 'en')}
          >
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        {session && (
          <>
            <span className="who" data-testid="who">
              {session.name} · {t(`role.${session.role}`)} · {session.bureau}
            </span>
            <button type="button" onClick={signOut}>
              {t('signOut')}
            </button>
          </>
        )}
      </header>
      {session && menu.length > 0 && (
        <nav className="menu" aria-label="main">
          {menu.map((s) => (
            <NavLink key={s.path} to={`/${s.path}`}>
              {t(s.navLabel as string)}
            </NavLink>
          ))}
        </nav>
      )}
      <main className="content">
        {!session ? (
          <SignIn />
        ) : (
          <Routes>
            {screens.map((s) => (
              <Route key={s.path} path={`/${s.path}`} element={s.element} />
            ))}
            <Route path="/" element={menu[0] ? <Navigate to={`/${menu[0].path}`} replace /> : <p>{t('welcome', { name: session.name, bureau: session.bureau })}</p>} />
            <Route path="*" element={<p role="alert">{allScreens.length > screens.length ? t('forbidden') : t('notFound')}</p>} />
          </Routes>
        )}
      </main>
    </div>
  );
}

export default App;
