import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { CaseView } from '../../types/api';

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
      </dl>
      {/* a question about the rules (AMI) concerns no member */}
      <h3>{t(view.memberId ? 'case.message' : 'request.question')}</h3>
      <blockquote className="member-message">{view.message}</blockquote>
    </section>
  );
}
