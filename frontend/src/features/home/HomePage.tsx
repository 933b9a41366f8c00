import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { hasRole, useAuth } from '../../lib/auth/context';
import { Link } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import type { Role, User } from '../../types/api';
import { homeApi, type HomeSectionEntry } from './api';
import { useHt, useSectionTitle, type HomeKey } from './text';

/** Each role's screens, always under the sections: no role lands on an empty page. */
const SHORTCUTS: { to: string; label: HomeKey; roles: Role[] }[] = [
  { to: '/cases/new', label: 'home.link.newRequest', roles: ['ADVISER'] },
  { to: '/cases', label: 'home.link.cases', roles: ['ADVISER'] },
  { to: '/tasks', label: 'home.link.tasks', roles: ['EXPERT', 'ADVISER', 'AI_REFERENT'] },
  { to: '/ideas/triage', label: 'home.link.triage', roles: ['AI_REFERENT'] },
  { to: '/portfolio', label: 'home.link.portfolio', roles: ['DIRECTORATE', 'MANAGER', 'AI_REFERENT', 'ETHICS'] },
  { to: '/ethics', label: 'home.link.ethics', roles: ['ETHICS'] },
  { to: '/experiments', label: 'home.link.experiments', roles: ['MANAGER', 'AI_REFERENT'] },
  { to: '/quality', label: 'home.link.quality', roles: ['MANAGER', 'AI_REFERENT'] },
  { to: '/quality/me', label: 'home.link.myFigures', roles: ['EXPERT'] },
  { to: '/organisation', label: 'home.link.organisation', roles: ['ADMIN', 'MANAGER'] },
  { to: '/governance', label: 'home.link.governance', roles: ['ADMIN', 'AI_REFERENT'] },
  { to: '/admin/members', label: 'home.link.members', roles: ['ADMIN'] },
  { to: '/privacy', label: 'home.link.privacy', roles: ['DPO'] },
  { to: '/knowledge', label: 'home.link.knowledge', roles: ['ADVISER', 'EXPERT', 'MANAGER', 'DIRECTORATE', 'ETHICS', 'AI_REFERENT', 'ADMIN'] },
  { to: '/ideas', label: 'home.link.ideas', roles: ['ADVISER', 'EXPERT', 'MANAGER', 'DIRECTORATE', 'ETHICS', 'AI_REFERENT'] },
];

function Section({ section }: { section: HomeSectionEntry }) {
  const ht = useHt();
  const title = useSectionTitle()(section.key);
  const headingId = `home-${section.key.replace(/\W/g, '-')}`;
  const more = section.count - section.items.length;
  return (
    <section className="home-section card" aria-labelledby={headingId} data-home-section={section.key}>
      <h2 id={headingId}>
        {title} <span className="home-count">{section.count}</span>
      </h2>
      {section.count === 0 ? (
        <p className="muted">{ht('home.nothing')}</p>
      ) : section.items.length > 0 ? (
        <ul className="home-items">
          {section.items.map((item) => (
            <li key={item.link + item.label}>
              <Link to={item.link} data-home-item={section.key}>
                {item.label}
              </Link>
              {item.detail ? <span className="muted"> — {item.detail}</span> : null}
              {item.flag ? <span className={`badge home-flag home-flag-${item.flag.toLowerCase()}`}> {ht(`home.flag.${item.flag}`)}</span> : null}
            </li>
          ))}
          {more > 0 ? <li className="muted">{ht('home.more', { count: more })}</li> : null}
        </ul>
      ) : null}
      <p>
        <Link to={section.link} data-home-item={section.items.length === 0 && section.count > 0 ? section.key : undefined}>
          {ht('home.seeAll', { count: section.count })}
        </Link>
      </p>
    </section>
  );
}

function Shortcuts({ user }: { user: User }) {
  const ht = useHt();
  const links = SHORTCUTS.filter((s) => s.roles.some((r) => hasRole(user, r)));
  if (links.length === 0) return null;
  return (
    <nav aria-label={ht('home.shortcuts')} className="home-shortcuts">
      <h2>{ht('home.shortcuts')}</h2>
      <ul>
        {links.map((s) => (
          <li key={s.to}>
            <Link to={s.to}>{ht(s.label)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** « Ce qui m'attend » (issue 19): every person's landing page, the work of their roles first. */
export function HomePage() {
  const ht = useHt();
  const { user } = useAuth();
  const { data, error, loading, reload } = useQuery('home', (signal) => homeApi.home(signal));
  return (
    <>
      <PageTitle title={ht('home.title')}>{ht('home.title')}</PageTitle>
      <p className="muted">{ht('home.intro')}</p>
      {loading ? <Loading /> : null}
      {error ? <ErrorMessage error={error} onRetry={reload} /> : null}
      {data ? (
        data.sections.length === 0 ? (
          <p>{ht('home.noSection')}</p>
        ) : (
          <div className="home-grid">
            {data.sections.map((s) => (
              <Section key={s.key} section={s} />
            ))}
          </div>
        )
      ) : null}
      {user ? <Shortcuts user={user} /> : null}
    </>
  );
}
