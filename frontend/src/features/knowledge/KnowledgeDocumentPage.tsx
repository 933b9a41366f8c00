import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableWrap } from '../../components/TableWrap';
import { useAuth } from '../../lib/auth/context';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { Link, takeNavigationState } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { knowledgeApi, type KnowledgeDocumentDetail } from './api';
import { DocumentStatus } from './DocumentStatus';
import { PassageList } from './PassageList';
import { canEditKnowledge, formatDay, useKt, type KnowledgeNotice } from './text';

/** One document: who answers for it and when it is reviewed, its passages as the AI gets them, and its reviews. */
export function KnowledgeDocumentPage({ reference }: { reference: string }) {
  const kt = useKt();
  const { locale } = useI18n();
  const { user } = useAuth();
  const path = `/knowledge/documents/${encodeURIComponent(reference)}`;
  const [notice] = useState(() => takeNavigationState<KnowledgeNotice>(path));
  const { data, error, loading, reload } = useQuery(`knowledge-document-${reference}`, (signal) =>
    knowledgeApi.document(reference, signal),
  );

  if (!data) {
    return (
      <>
        <PageTitle title={reference}>{reference}</PageTitle>
        {loading ? <Loading /> : null}
        <ErrorMessage error={error} onRetry={reload} />
        <p className="back-link">
          <Link to="/knowledge">{kt('back')}</Link>
        </p>
      </>
    );
  }
  const d = data.document;
  return (
    <>
      <div className="page-head">
        <div>
          <PageTitle title={d.title}>{d.title}</PageTitle>
          <p className="muted">
            {d.reference} · {kt('document.version', { version: d.version })} <DocumentStatus document={d} />
          </p>
        </div>
        {canEditKnowledge(user) ? (
          <Link to={`${path}/edit`} className="btn btn-primary">
            {kt('document.edit')}
          </Link>
        ) : null}
      </div>
      {notice ? (
        <p className="alert alert-success" role="status">
          {notice.message}
        </p>
      ) : null}
      {d.retired ? (
        <p className="alert alert-info">
          {kt('document.retiredNotice', { by: d.retiredBy ?? '—', date: formatDateTime(d.retiredAt, locale) })}
        </p>
      ) : d.stale ? (
        <p className="alert alert-warning">{kt('document.staleNotice', { date: formatDay(d.reviewDue) })}</p>
      ) : null}
      <Facts detail={data} />
      <section className="panel" aria-labelledby="passages-title">
        <h2 id="passages-title">{kt('document.passages', { count: data.passages.length })}</h2>
        <p className="muted">{kt('document.passagesHint')}</p>
        <PassageList passages={data.passages} />
      </section>
      <section className="panel" aria-labelledby="reviews-title">
        <h2 id="reviews-title">{kt('document.reviews')}</h2>
        {data.reviews.length === 0 ? <p className="empty">{kt('document.noReview')}</p> : null}
        {data.reviews.length > 0 ? (
          <TableWrap label={kt('document.reviews')}>
            <table className="table">
              <caption className="visually-hidden">{kt('document.reviews')}</caption>
              <thead>
                <tr>
                  <th scope="col">{kt('col.decidedAt')}</th>
                  <th scope="col">{kt('col.decision')}</th>
                  <th scope="col">{kt('col.comment')}</th>
                  <th scope="col">{kt('col.version')}</th>
                </tr>
              </thead>
              <tbody>
                {data.reviews.map((r) => (
                  <tr key={`${r.decidedAt}-${r.documentVersion}`}>
                    <td className="nowrap">
                      {formatDateTime(r.decidedAt, locale)}
                      <br />
                      <span className="muted small">{r.decidedBy}</span>
                    </td>
                    <td>{kt(`decision.${r.decision}`)}</td>
                    <td>{r.comment ?? '—'}</td>
                    <td>{r.documentVersion}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
      </section>
      <p className="back-link">
        <Link to="/knowledge">{kt('back')}</Link>
      </p>
    </>
  );
}

function Facts({ detail }: { detail: KnowledgeDocumentDetail }) {
  const kt = useKt();
  const { locale } = useI18n();
  const d = detail.document;
  return (
    <dl className="facts facts-grid">
      <div>
        <dt>{kt('field.collection')}</dt>
        <dd>{d.collection}</dd>
      </div>
      <div>
        <dt>{kt('field.owner')}</dt>
        <dd>
          {d.owner} ({d.ownerGroup})
        </dd>
      </div>
      <div>
        <dt>{kt('document.lastReviewed')}</dt>
        <dd>
          {formatDay(d.lastReviewed)}
          {d.lastReviewedBy ? ` — ${d.lastReviewedBy}` : ''}
        </dd>
      </div>
      <div>
        <dt>{kt('field.reviewIntervalDays')}</dt>
        <dd>{kt('document.days', { days: d.reviewIntervalDays })}</dd>
      </div>
      <div>
        <dt>{kt('col.reviewDue')}</dt>
        <dd>{formatDay(d.reviewDue)}</dd>
      </div>
      <div>
        <dt>{kt('document.updatedAt')}</dt>
        <dd>{formatDateTime(d.updatedAt, locale)}</dd>
      </div>
    </dl>
  );
}
