import { useState, type ComponentType } from 'react';
import { DraftPanel } from '../../components/DraftPanel';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { isTransient } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { hasRole, useAuth } from '../../lib/auth/context';
import { Link, takeNavigationState } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import type { CaseView } from '../../types/api';
import { fetchCase } from './api';
import { AuditTrail } from '../../components/case/AuditTrail';
import { CaseFootprint } from './components/CaseFootprint';
import { DisclosedLetter } from './components/DisclosedLetter';
import { RequestSummary } from '../../components/case/RequestSummary';
import { StatusBadge } from './components/StatusBadge';
import { VersionList } from './components/VersionList';

export const DRAFT_POLL_MS = 1500;

/**
 * Poll while the machine is working: the AI writing a draft (the first one, or a new one after
 * a regeneration), or the approved letter being sent (« à envoyer » while the mail server is down).
 */
export function isWaitingForDraft(view: CaseView | undefined): boolean {
  return !!view && (view.status === 'DRAFTING' || view.status === 'APPROVED' || view.status === 'TO_SEND');
}

/**
 * A case. `afterDisclosure` is what another capability shows under a disclosed case (governance's
 * experiment survey): app/routes.tsx passes it, so this feature does not import that one.
 */
export function CasePage({ id, afterDisclosure: AfterDisclosure }: { id: string; afterDisclosure?: ComponentType<{ view: CaseView }> }) {
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
      {view?.status === 'DISCLOSED' && AfterDisclosure ? <AfterDisclosure view={view} /> : null}
      <p className="back-link">
        {adviser ? <Link to="/cases">{t('case.back')}</Link> : <Link to="/tasks">{t('task.back')}</Link>}
      </p>
    </>
  );
}

function CaseBody({ view }: { view: CaseView }) {
  const t = useT();
  const versions = view.versions ?? [];
  const rejection = view.status === 'REJECTED' ? view.decisions?.filter((d) => d.decision === 'REJECT' && d.reason).at(-1) : undefined;
  // What people wrote, when it is no longer the AI's draft and not yet the disclosed letter.
  const disclosed = view.status === 'DISCLOSED' || view.status === 'TO_SEND';
  const showCurrent =
    !!view.currentText && !disclosed && view.status !== 'REJECTED' && view.currentText !== view.draft?.text;
  return (
    <div className="stack">
      {disclosed ? <DisclosedLetter view={view} /> : null}
      {view.status === 'IN_REVIEW' ? <p className="alert alert-info">{t('case.inReview')}</p> : null}
      {view.status === 'EDITING' ? <p className="alert alert-info">{t('case.editing')}</p> : null}
      {view.status === 'AWAITING_APPROVAL' ? <p className="alert alert-info">{t('case.awaitingApproval')}</p> : null}
      {view.status === 'REJECTED' ? (
        <div className="alert alert-warning">
          <p>{t('case.rejected')}</p>
          {rejection?.reason ? <p>{t('case.rejectedReason', { reason: rejection.reason })}</p> : null}
        </div>
      ) : null}
      {view.withoutAi ? (
        <div className="alert alert-info">
          <p>{t('case.withoutAi')}</p>
          {view.withoutAiReason ? <p>{t('case.withoutAiReason', { reason: view.withoutAiReason })}</p> : null}
        </div>
      ) : null}
      {view.status === 'HAND_DRAFTING' && !view.withoutAi ? (
        <div className="alert alert-warning">
          <p>{t('case.handDrafting')}</p>
          {view.failureReason ? <p>{t('case.failureReason', { reason: view.failureReason })}</p> : null}
        </div>
      ) : null}
      {showCurrent ? (
        <section className="panel" aria-labelledby="current-title">
          <h2 id="current-title">{t('case.currentText')}</h2>
          <p className="muted small">{t('case.currentTextIntro')}</p>
          <div className="letter" data-testid="current-text">
            {view.currentText}
          </div>
        </section>
      ) : null}
      {view.status === 'DRAFTING' ? (
        <section className="panel panel-ai" aria-labelledby="pending-title">
          <h2 id="pending-title">{t('case.draftPendingTitle')}</h2>
          <p className="loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('case.draftPending')}
          </p>
        </section>
      ) : null}
      {view.draft ? (
        <DraftPanel
          draft={view.draft}
          headingId="draft-title"
          title={view.status === 'DRAFTING' ? t('case.previousDraft') : t('case.draft')}
        />
      ) : null}
      {versions.length > 0 ? <VersionList versions={versions} headingId="versions-title" title={t('versions.title')} /> : null}
      <RequestSummary view={view} headingId="request-title" title={t('case.request')} />
      {view.footprint && view.footprint.calls > 0 ? <CaseFootprint footprint={view.footprint} /> : null}
      <AuditTrail
        caseId={view.id}
        refreshKey={`${view.status}-${versions.length}-${view.decisions?.length ?? 0}-${view.draft?.createdAt ?? ''}`}
      />
    </div>
  );
}
