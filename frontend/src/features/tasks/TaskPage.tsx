import { AuditTrail } from '../../components/case/AuditTrail';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useTaskScreen } from '../../lib/task/screens';
import { useQuery } from '../../lib/useQuery';
import type { CaseView, TaskDetail } from '../../types/api';
import { fetchTask } from './api';
import { ProcessDiagram } from './components/ProcessDiagram';
import { TaskComments } from './components/TaskComments';
import { FormTask } from './FormTask';

/** Loads a task and opens the screen of its kind (`taskKey`, looked up in the registry of task screens). */
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

/** The screen registered for the task's kind (`taskKey`), else the task's Camunda Form. */
function TaskScreen({ detail }: { detail: TaskDetail }) {
  const Screen = useTaskScreen(detail.task.taskKey) ?? FormTask;
  // eslint-disable-next-line react-hooks/static-components -- looked up, not created: the registry holds module-level components
  return <Screen detail={detail} />;
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
