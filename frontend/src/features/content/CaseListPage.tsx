import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { fetchCases } from './api';
import { StatusBadge } from './components/StatusBadge';

export function CaseListPage() {
  const { t, locale } = useI18n();
  const { data: cases, error, loading, reload } = useQuery('cases', (signal) => fetchCases(signal), {
    // Keep statuses fresh while some draft is still being written.
    refetchInterval: (list) => (list?.some((c) => c.status === 'DRAFTING') ? 3000 : false),
  });

  return (
    <>
      <div className="page-head">
        <PageTitle title={t('cases.title')}>{t('cases.title')}</PageTitle>
        <Link to="/cases/new" className="btn btn-primary">
          {t('cases.new')}
        </Link>
      </div>
      {loading ? <Loading /> : null}
      <ErrorMessage error={error} onRetry={reload} />
      {cases && cases.length === 0 ? <p className="empty">{t('cases.empty')}</p> : null}
      {cases && cases.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('cases.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.col.subject')}</th>
                <th scope="col">{t('cases.col.member')}</th>
                <th scope="col">{t('cases.col.useCase')}</th>
                <th scope="col">{t('cases.col.status')}</th>
                <th scope="col">{t('cases.col.created')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/cases/${c.id}`}>{c.subject}</Link>
                  </td>
                  <td>{c.memberName}</td>
                  <td>{c.useCaseName}</td>
                  <td>
                    <StatusBadge status={c.status} />
                  </td>
                  <td className="nowrap">{formatDateTime(c.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
