import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { CaseView, EscalationView } from '../../types/api';

/** « À traiter avant le … »: the case's due date (its use case's answer time, in business days), marked when passed. */
function DueDate({ view }: { view: CaseView }) {
  const { t, locale } = useI18n();
  const open = !['DISCLOSED', 'TO_SEND', 'REJECTED', 'APPROVED', 'ERASED'].includes(view.status);
  // eslint-disable-next-line react-hooks/purity -- late as of when the page is drawn
  const late = open && !!view.dueAt && new Date(view.dueAt).getTime() < Date.now();
  return (
    <div>
      <dt>{t('case.dueAt')}</dt>
      <dd data-testid="case-due-at">
        {t('case.dueBefore', { date: formatDateTime(view.dueAt, locale) })}
        {late ? <span className="badge badge-warning"> {t('tasks.overdueMark')}</span> : null}
      </dd>
    </div>
  );
}

/** The escalation of the case's overdue task to a manager (or the approver group), once per case. */
function Escalation({ escalation }: { escalation: EscalationView }) {
  const { t, locale } = useI18n();
  const to = escalation.to ?? escalation.group ?? '';
  return (
    <p className="alert alert-warning" role="note" data-testid="case-escalation">
      {t(escalation.mode === 'TASK' ? 'case.escalation.task' : 'case.escalation.reassign', {
        task: escalation.task ?? '',
        to,
        date: formatDateTime(escalation.at, locale),
      })}
      {escalation.fallback ? <> {escalation.fallback}</> : null}
      {escalation.handledBy ? (
        <>
          {' '}
          {t('case.escalation.handled', { by: escalation.handledBy, note: escalation.handledNote ?? '' })}
        </>
      ) : null}
    </p>
  );
}

/** What the adviser asked for: use case, member, subject and the member's message. */
export function RequestSummary({ view, headingId, title }: { view: CaseView; headingId: string; title: string }) {
  const { t, locale } = useI18n();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <dl className="facts facts-grid">
        <div>
          <dt>{t('case.subject')}</dt>
          <dd className="strong">{view.subject}</dd>
        </div>
        {view.memberId ? (
          <div>
            <dt>{t('case.member')}</dt>
            <dd>
              {view.memberName} <span className="muted">({view.memberId})</span>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('case.useCase')}</dt>
          <dd>{view.useCaseName}</dd>
        </div>
        <div>
          <dt>{t('case.requestedBy')}</dt>
          <dd>
            {view.requestedBy}, {formatDateTime(view.createdAt, locale)}
          </dd>
        </div>
        {view.dueAt ? <DueDate view={view} /> : null}
      </dl>
      {view.escalation ? <Escalation escalation={view.escalation} /> : null}
      {/* a question about the rules (AMI) concerns no member */}
      <h3>{t(view.memberId ? 'case.message' : 'request.question')}</h3>
      <blockquote className="member-message">{view.message}</blockquote>
    </section>
  );
}
