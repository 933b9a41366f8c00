import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../lib/i18n';
import { hasRole, useAuth } from '../../lib/auth/context';
import { Link } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { fetchEvaluation } from './api';
import { EvaluationView } from './EvaluationView';

/** An evaluation run, polled while it drafts in the background (its progress bar moves), then compared. */
export function EvaluationPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const referent = hasRole(user, 'AI_REFERENT');
  const run = useQuery(`evaluation-${id}`, (signal) => fetchEvaluation(id, signal), {
    refetchInterval: (data, error) => (error || !data || data.status !== 'DONE' ? 1500 : false),
  });
  return (
    <>
      <PageTitle title={t('quality.evaluationTitle', { id })}>{t('quality.evaluationTitle', { id })}</PageTitle>
      {run.loading ? <Loading /> : null}
      <ErrorMessage error={run.error} onRetry={run.reload} />
      {run.data ? <EvaluationView comparison={run.data} /> : null}
      {run.data?.decisionTaskId && referent ? (
        <p>
          <Link to={`/tasks/${encodeURIComponent(run.data.decisionTaskId)}`} className="btn btn-primary">
            {t('quality.openDecision')}
          </Link>
        </p>
      ) : null}
      <p className="back-link">
        <Link to="/quality">{t('quality.back')}</Link>
      </p>
    </>
  );
}
