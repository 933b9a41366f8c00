import { useState } from 'react';
import { DraftPanel } from '../../components/DraftPanel';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { isTransient } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { hasRole, useAuth } from '../auth/context';
import { Link, takeNavigationState } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import type { CaseView } from '../../types/api';
import { fetchCase } from './api';
import { DisclosedLetter } from './components/DisclosedLetter';
import { RequestSummary } from './components/RequestSummary';
import { StatusBadge } from './components/StatusBadge';

export const DRAFT_POLL_MS = 1500;

/** Poll while the machine is working: the AI writing a draft, or the approved letter being sent. */
export function isWaitingForDraft(view: CaseView | undefined): boolean {
  return !!view && ((view.status === 'DRAFTING' && !view.draft) || view.status === 'APPROVED');
}

export function CasePage({ id }: { id: string }) {
  const t = useT();
  const { user } = useAuth();
  const adviser = hasRole(user, 'ADVISER');
  // The page that navigated here may hand over the case it already has (e.g. after approval).
  const [handed] = useState(() => takeNavigationState<CaseView>(`/cases/${id}`));
  const { data: view, error, loading, reload } = useQuery(`case-${id}`, (signal) => fetchCase(id, signal), {
    initialData: handed && String(handed.id) === id ? handed : undefined,
    refetchInterval: (latest, failure) => {
      if (failure) return isTransient(failure) ? DRAFT_POLL_MS * 2 : false;
      return isWaitingForDraft(latest) ? DRAFT_POLL_MS : false;
    },
  });
  const title = t('case.title', { id });

  return (
    <>
      <div className="page-head">
        <div>
          <PageTitle title={title}>{view ? view.subject : title}</PageTitle>
          <p className="muted">
            {title}
            {view ? ` · ${view.useCaseName}` : ''}
          </p>
        </div>
        {view ? (
          <p className="status-line">
            <span className="visually-hidden">{t('case.status')} : </span>
            <StatusBadge status={view.status} />
          </p>
        ) : null}
      </div>
      {loading && !view ? <Loading /> : null}
      {/* A failed refresh keeps what was already shown. */}
      <ErrorMessage error={error} onRetry={reload} />
      {view ? <CaseBody view={view} /> : null}
      <p className="back-link">
        {adviser ? <Link to="/cases">{t('case.back')}</Link> : <Link to="/tasks">{t('task.back')}</Link>}
      </p>
    </>
  );
}

function CaseBody({ view }: { view: CaseView }) {
  const t = useT();
  return (
    <div className="stack">
      {view.status === 'DISCLOSED' ? <DisclosedLetter view={view} /> : null}
      {view.status === 'IN_REVIEW' ? <p className="alert alert-info">{t('case.inReview')}</p> : null}
      {view.status === 'REJECTED' ? <p className="alert alert-warning">{t('case.rejected')}</p> : null}
      {view.status === 'HAND_DRAFTING' ? <p className="alert alert-warning">{t('case.handDrafting')}</p> : null}
      {view.draft ? (
        <DraftPanel draft={view.draft} headingId="draft-title" title={t('case.draft')} />
      ) : view.status === 'DRAFTING' ? (
        <section className="panel panel-ai" aria-labelledby="draft-title">
          <h2 id="draft-title">{t('case.draft')}</h2>
          <p className="loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('case.draftPending')}
          </p>
        </section>
      ) : null}
      <RequestSummary view={view} headingId="request-title" title={t('case.request')} />
    </div>
  );
}
