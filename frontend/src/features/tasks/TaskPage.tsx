import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import type { CaseView } from '../../types/api';
import { AuditTrail } from '../cases/components/AuditTrail';
import { fetchTask, type TaskDetail } from './api';
import { ExtractionTask } from '../extraction/ExtractionTask';
import { AnswerTask } from './AnswerTask';
import { ApproveTask } from './ApproveTask';
import { AuthorizeTask } from './AuthorizeTask';
import { ProcessDiagram } from './components/ProcessDiagram';
import { TaskComments } from './components/TaskComments';
import { EditTask } from './EditTask';
import { FormTask } from './FormTask';
import { PostReviewTask } from './PostReviewTask';
import { ReviewTask } from './ReviewTask';

/** Loads a task and opens the screen of its kind (`taskKey`). */
export function TaskPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useQuery(`task-${id}`, (signal) => fetchTask(id, signal));

  return (
    <>
      {data ? (
        <>
          {data.task.suspended ? (
            <p className="alert alert-warning" role="status" data-testid="task-suspended">
              <span className="badge badge-warning">{t('tasks.suspendedMark')}</span> {t('task.suspended')}
            </p>
          ) : null}
          <TaskScreen key={data.task.id} detail={data} />
          <TaskContext detail={data} />
        </>
      ) : (
        <>
          <PageTitle title={t('tasks.title')}>{t('tasks.title')}</PageTitle>
          {loading ? <Loading /> : null}
          <ErrorMessage error={error} onRetry={reload} />
        </>
      )}
      <p className="back-link">
        <Link to="/tasks">{t('task.back')}</Link>
      </p>
    </>
  );
}

function TaskScreen({ detail }: { detail: TaskDetail }) {
  switch (detail.task.taskKey) {
    case 'review':
      return <ReviewTask detail={detail} />;
    case 'edit':
      return <EditTask detail={detail} mode="edit" />;
    case 'handDraft':
      return <EditTask detail={detail} mode="handDraft" />;
    case 'approve':
      return <ApproveTask detail={detail} />;
    case 'verifyFields':
      return <ExtractionTask detail={detail} mode="verify" />;
    case 'enterFields':
      return <ExtractionTask detail={detail} mode="enter" />;
    case 'readAnswer':
      return <AnswerTask detail={detail} mode="read" />;
    case 'expertAnswer':
      return <AnswerTask detail={detail} mode="expert" />;
    case 'postReview':
      return <PostReviewTask detail={detail} />;
    case 'authorizeUnattended':
      return <AuthorizeTask detail={detail} />;
    default:
      // no screen of its own: the task's Camunda Form
      return <FormTask detail={detail} />;
  }
}

/** Around the decision: the comments, the case's history and where the case stands in its process. */
function TaskContext({ detail }: { detail: TaskDetail }) {
  // a standing authorisation belongs to no case
  const view = detail.case as CaseView | undefined;
  return (
    <div className="task-context">
      <TaskComments taskId={detail.task.id} />
      {view ? (
        <div className="two-columns">
          <AuditTrail caseId={view.id} refreshKey={detail.task.id} />
          <ProcessDiagram caseId={view.id} refreshKey={detail.task.id} />
        </div>
      ) : null}
    </div>
  );
}
