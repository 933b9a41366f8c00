import { useRef, useState, type ReactNode } from 'react';
import { hasRole, useAuth } from '../lib/auth/context';
import { useT } from '../lib/i18n';
import { Link, NavLink, useLocation } from '../lib/router';
import { Button } from './Button';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';

function Logo() {
  return (
    <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="currentColor" />
      <circle cx="12" cy="16" r="6" fill="none" stroke="#fff" strokeWidth="2.5" />
      <circle cx="20" cy="16" r="6" fill="none" stroke="#9cc3f0" strokeWidth="2.5" />
    </svg>
  );
}

function MainNav() {
  const { user } = useAuth();
  const t = useT();
  if (!user) return null;
  const links: { to: string; label: string }[] = [];
  if (hasRole(user, 'ADVISER')) {
    links.push({ to: '/cases', label: t('nav.cases') }, { to: '/cases/new', label: t('nav.newRequest') });
  }
  // Advisers get the tasks too: they write by hand the letters the AI could not draft.
  // and the AI referents: they authorise the chatbot's unattended answers
  if (hasRole(user, 'EXPERT') || hasRole(user, 'ADVISER') || hasRole(user, 'AI_REFERENT')) links.push({ to: '/tasks', label: t('nav.tasks') });
  // the project lifecycle: the idea box for every employee, then each step for its role
  const employee = (['ADVISER', 'EXPERT', 'MANAGER', 'DIRECTORATE', 'ETHICS', 'AI_REFERENT'] as const).some((r) => hasRole(user, r));
  if (employee) links.push({ to: '/ideas', label: t('nav.ideas') });
  if (hasRole(user, 'AI_REFERENT')) links.push({ to: '/ideas/triage', label: t('nav.triage') });
  if (hasRole(user, 'DIRECTORATE') || hasRole(user, 'MANAGER') || hasRole(user, 'AI_REFERENT') || hasRole(user, 'ETHICS')) {
    links.push({ to: '/portfolio', label: t('nav.portfolio') });
  }
  if (hasRole(user, 'ETHICS')) links.push({ to: '/ethics', label: t('nav.ethics') });
  if (hasRole(user, 'MANAGER') || hasRole(user, 'AI_REFERENT')) links.push({ to: '/experiments', label: t('nav.experiments') });
  // issue 14: the organisation (administrators, managers) and the governance gate (administrators, AI referents)
  if (hasRole(user, 'ADMIN') || hasRole(user, 'MANAGER')) links.push({ to: '/organisation', label: t('nav.organisation') });
  if (hasRole(user, 'ADMIN') || hasRole(user, 'AI_REFERENT')) links.push({ to: '/governance', label: t('nav.governance') });
  // the knowledge base: every employee reads it; the administrator configures the member directory
  if (employee || hasRole(user, 'ADMIN')) links.push({ to: '/knowledge', label: t('nav.knowledge') });
  // the administrator opens the accounts of the people who log in with a password
  if (hasRole(user, 'ADMIN')) links.push({ to: '/admin/accounts', label: t('nav.accounts') });
  if (hasRole(user, 'ADMIN')) links.push({ to: '/admin/members', label: t('nav.members') });
  if (hasRole(user, 'MANAGER') || hasRole(user, 'AI_REFERENT')) links.push({ to: '/quality', label: t('nav.quality') });
  if (hasRole(user, 'EXPERT')) links.push({ to: '/quality/me', label: t('nav.myFigures') });
  // the data protection officer (issue 16)
  if (hasRole(user, 'DPO')) links.push({ to: '/privacy', label: t('nav.privacy') });
  if (links.length === 0) return null;
  // the header on one line at 1,280 pixels (issue 19): beyond five links, the first four and « Plus »
  const shown = links.length > MAX_LINKS ? links.slice(0, MAX_LINKS - 1) : links;
  const more = links.slice(shown.length);
  return (
    <nav aria-label={t('nav.label')} className="main-nav">
      <ul>
        {shown.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to}>{link.label}</NavLink>
          </li>
        ))}
        {more.length > 0 ? (
          <li className="nav-more">
            <MoreLinks links={more} label={t('nav.more')} />
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

const MAX_LINKS = 5;

/** The links that do not fit the header, in a disclosure widget (keyboard and screen readers get it natively). */
function MoreLinks({ links, label }: { links: { to: string; label: string }[]; label: string }) {
  const { pathname } = useLocation();
  const details = useRef<HTMLDetailsElement>(null);
  const active = links.some((l) => l.to === pathname);
  const close = () => details.current?.removeAttribute('open');
  return (
    <details
      ref={details}
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
      }}
    >
      <summary className={active ? 'active' : undefined}>{label}</summary>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} onClick={close}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </details>
  );
}

function UserMenu() {
  const { user, signOut } = useAuth();
  const t = useT();
  const [busy, setBusy] = useState(false);
  if (!user) return null;
  const onLogout = async () => {
    setBusy(true);
    try {
      await signOut();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="user-menu">
      <span className="user-name" title={t('nav.signedInAs', { name: user.username })}>
        <span className="avatar" aria-hidden="true">
          {user.displayName.charAt(0).toUpperCase()}
        </span>
        <span className="user-name-text">{user.displayName}</span>
      </span>
      <Button variant="secondary" onClick={onLogout} busy={busy}>
        {t('nav.logout')}
      </Button>
    </div>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => {
        e.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <Logo />
            <span className="brand-name">{t('app.name')}</span>
          </Link>
          <MainNav />
          <div className="header-tools">
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        {children}
      </main>
      <footer className="app-footer">
        <p>{t('app.tagline')}</p>
      </footer>
    </>
  );
}
