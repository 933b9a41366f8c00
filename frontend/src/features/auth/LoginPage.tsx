import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../lib/i18n';
import { Link, navigate, useLocation } from '../../lib/router';
import { landingPath, useAuth } from '../../lib/auth/context';
import { useQuery } from '../../lib/useQuery';
import { authApi } from './api';

/** A `next` path is followed only if it is a client route of this app. */
function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  return next;
}

export function LoginPage() {
  const t = useT();
  const { signIn } = useAuth();
  const { query } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  // the single sign-on providers configured, and whether the password form is on; until they are
  // known (or when they cannot be read) the form is shown, as it always was
  const options = useQuery('public/login-options', (signal) => authApi.loginOptions(signal));
  const providers = options.data?.providers ?? [];
  const formEnabled = options.data?.formEnabled ?? true;
  const ssoFailed = query.get('sso') === 'failed';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError(t('login.required'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const user = await signIn(username.trim(), password);
      navigate(safeNext(query.get('next')) ?? landingPath(user), { replace: true });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <div className="card">
        <PageTitle title={t('login.title')}>{t('login.title')}</PageTitle>
        {ssoFailed ? <ErrorMessage error={t('login.sso.failed')} /> : null}
        {providers.length > 0 ? (
          <div className="sso">
            {providers.map((p) => (
              <a key={p.id} className="btn btn-primary btn-block" href={p.loginUrl}>
                {t('login.sso', { provider: p.name })}
              </a>
            ))}
          </div>
        ) : null}
        {formEnabled && providers.length > 0 ? <p className="sso-or muted">{t('login.sso.or')}</p> : null}
        {formEnabled ? <p className="muted">{t('login.intro')}</p> : null}
        {formEnabled ? (
        <form onSubmit={onSubmit} noValidate className="form">
          <ErrorMessage error={error} />
          <TextField
            label={t('login.username')}
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
            autoCapitalize="none"
            spellCheck={false}
          />
          <TextField
            label={t('login.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
          <Button type="submit" busy={busy} variant={providers.length > 0 ? 'secondary' : 'primary'} className="btn-block">
            {busy ? t('login.submitting') : t('login.submit')}
          </Button>
        </form>
        ) : null}
      </div>
      <p className="login-links">
        <Link to="/transparence">{t('login.transparency')}</Link>
      </p>
    </div>
  );
}
