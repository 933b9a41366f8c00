import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { RequestSummary } from '../cases/components/RequestSummary';
import { fetchTask, type TaskDetail } from './api';
import { ExtractionTask } from '../extraction/ExtractionTask';
import { AnswerTask } from './AnswerTask';
import { ApproveTask } from './ApproveTask';
import { TaskHeader } from './components/TaskHeader';
import { EditTask } from './EditTask';
import { ReviewTask } from './ReviewTask';

/** Loads a task and opens the screen of its kind (`taskKey`). */
export function TaskPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useQuery(`task-${id}`, (signal) => fetchTask(id, signal));

  return (
    <>
      {data ? (
        <TaskScreen key={data.task.id} detail={data} />
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
    default:
      return <UnsupportedTask detail={detail} />;
  }
}

function UnsupportedTask({ detail }: { detail: TaskDetail }) {
  const { t } = useI18n();
  return (
    <>
      <TaskHeader task={detail.task} />
      <div className="stack">
        <p className="alert alert-warning">{t('task.unsupported', { key: detail.task.taskKey })}</p>
        <RequestSummary view={detail.case} headingId="task-request-title" title={t('task.request')} />
      </div>
    </>
  );
}
