import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../lib/i18n';
import { Link, navigate, useLocation } from '../../lib/router';
import { landingPath, useAuth } from '../../lib/auth/context';

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
        <p className="muted">{t('login.intro')}</p>
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
          <Button type="submit" busy={busy} className="btn-block">
            {busy ? t('login.submitting') : t('login.submit')}
          </Button>
        </form>
      </div>
      <p className="login-links">
        <Link to="/transparence">{t('login.transparency')}</Link>
      </p>
    </div>
  );
}
