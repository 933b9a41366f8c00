import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { Link, takeNavigationState } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { fetchTasks, type TaskSummary } from './api';
import { useTaskName } from './components/TaskHeader';
import type { TaskListState } from './useTaskAction';

export const TASKS_REFRESH_MS = 10_000;

export function TaskListPage() {
  const { t } = useI18n();
  // A task screen that just completed a task hands over its confirmation.
  const [handed] = useState(() => takeNavigationState<TaskListState>('/tasks'));
  const { data: tasks, error, loading, reload } = useQuery('tasks', (signal) => fetchTasks(signal), {
    refetchInterval: TASKS_REFRESH_MS,
  });

  return (
    <>
      <div className="page-head">
        <PageTitle title={t('tasks.title')}>{t('tasks.title')}</PageTitle>
      </div>
      <div role="status" className="status-message">
        {handed?.message ? <p className="alert alert-success">{handed.message}</p> : null}
      </div>
      {loading ? <Loading /> : null}
      <ErrorMessage error={error} onRetry={reload} />
      {tasks && tasks.length === 0 ? <p className="empty">{t('tasks.empty')}</p> : null}
      {tasks && tasks.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('tasks.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tasks.col.name')}</th>
                <th scope="col">{t('tasks.col.subject')}</th>
                <th scope="col">{t('tasks.col.member')}</th>
                <th scope="col">{t('tasks.col.useCase')}</th>
                <th scope="col">{t('tasks.col.created')}</th>
                <th scope="col">{t('tasks.col.assignee')}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <TaskRow key={task.id} task={task} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

function TaskRow({ task }: { task: TaskSummary }) {
  const { t, locale } = useI18n();
  const name = useTaskName(task);
  return (
    // data-task-key lets scripts (e2e) find a kind of task whatever its wording
    <tr data-task-key={task.taskKey} data-case-id={task.caseId}>
      <td>
        <Link to={`/tasks/${task.id}`} aria-describedby={`task-subject-${task.id}`}>
          {name}
        </Link>
      </td>
      <td id={`task-subject-${task.id}`}>{task.subject}</td>
      <td>{task.memberName}</td>
      <td>{task.useCaseName}</td>
      <td className="nowrap">{formatDateTime(task.createdAt, locale)}</td>
      <td>{task.assignee ?? <span className="muted">{t('tasks.unassigned')}</span>}</td>
    </tr>
  );
}
