import { useEffect } from 'react';
import { ErrorMessage } from '../components/ErrorMessage';
import { Layout } from '../components/Layout';
import { Loading } from '../components/Loading';
import { PageTitle } from '../components/PageTitle';
import { landingPath, useAuth } from '../lib/auth/context';
import { useT } from '../lib/i18n';
import { matchPath, navigate, useLocation } from '../lib/router';
import { AppProviders } from './providers';
import { routes } from './routes';

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function NotFound() {
  const t = useT();
  return (
    <>
      <PageTitle title={t('error.pageNotFound')}>{t('error.pageNotFound')}</PageTitle>
      <p>{t('error.pageNotFoundText')}</p>
    </>
  );
}

function Forbidden() {
  const t = useT();
  return (
    <>
      <PageTitle title={t('error.title')}>{t('error.title')}</PageTitle>
      <ErrorMessage error={t('error.forbidden')} />
    </>
  );
}

export function AppRoutes() {
  const { user, error, retry } = useAuth();
  const { pathname, path } = useLocation();

  if (user === undefined) return <Loading />;

  if (pathname === '/') {
    return <Redirect to={user ? landingPath(user) : '/login'} />;
  }
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (!params) continue;
    if (route.public) {
      // A logged-in person has nothing to do on the login page.
      if (user && route.path === '/login') return <Redirect to={landingPath(user)} />;
      return (
        <>
          {error ? <ErrorMessage error={error} onRetry={retry} /> : null}
          {route.render(params)}
        </>
      );
    }
    if (!user) return <Redirect to={`/login?next=${encodeURIComponent(path)}`} />;
    if (route.roles && !route.roles.some((role) => user.roles.includes(role))) return <Forbidden />;
    return <>{route.render(params)}</>;
  }
  return <NotFound />;
}

export function App() {
  return (
    <AppProviders>
      <Layout>
        <AppRoutes />
      </Layout>
    </AppProviders>
  );
}
