import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import '../i18n/i18n';
import App from './app';
import { SessionProvider } from '../session/session-context';

describe('console shell', () => {
  it('asks for sign-in when nobody is signed in', () => {
    vi.stubGlobal('fetch', vi.fn(() => new Promise(() => undefined)));
    render(
      <SessionProvider initial={null}>
        <MemoryRouter>
          <App />
        </MemoryRouter>
      </SessionProvider>,
    );
    expect(screen.getByRole('heading', { name: '以开发用户身份登录' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '登录' })).toBeTruthy();
  });

  it('tells a signed-in user an unknown page does not exist', () => {
    render(
      <SessionProvider initial={{ token: 't', sub: 'auditor-1', name: 'Auditor', role: 'auditor', bureau: '310000' }}>
        <MemoryRouter initialEntries={['/no-such-page']}>
          <App />
        </MemoryRouter>
      </SessionProvider>,
    );
    expect(screen.getByTestId('who').textContent).toContain('审计员');
  });
});
