import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { Link } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { knowledgeApi } from './api';
import { ReviewDocumentTask } from './ReviewDocumentTask';
import { useKt } from './text';

/**
 * A document's review opened from the knowledge base: the same screen as in the task list, for
 * owners whose role has no task list (a manager who owns documents, say); back to the knowledge base.
 */
export function KnowledgeReviewPage({ taskId }: { taskId: string }) {
  const kt = useKt();
  const { data, error, loading, reload } = useQuery(`knowledge-review-task-${taskId}`, (signal) => knowledgeApi.task(taskId, signal));
  return (
    <>
      {data ? (
        <ReviewDocumentTask detail={data} returnTo="knowledge" />
      ) : (
        <>
          <PageTitle title={kt('review.pageTitle')}>{kt('review.pageTitle')}</PageTitle>
          {loading ? <Loading /> : null}
          <ErrorMessage error={error} onRetry={reload} />
        </>
      )}
      <p className="back-link">
        <Link to="/knowledge">{kt('back')}</Link>
      </p>
    </>
  );
}
