import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { fetchTasks } from './api';

export const TASKS_REFRESH_MS = 10_000;

export function TaskListPage() {
  const { t, locale } = useI18n();
  const { data: tasks, error, loading, reload } = useQuery('tasks', (signal) => fetchTasks(signal), {
    refetchInterval: TASKS_REFRESH_MS,
  });

  return (
    <>
      <div className="page-head">
        <PageTitle title={t('tasks.title')}>{t('tasks.title')}</PageTitle>
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
                <tr key={task.id}>
                  <td>
                    <Link to={`/tasks/${task.id}`} aria-describedby={`task-subject-${task.id}`}>
                      {task.name}
                    </Link>
                  </td>
                  <td id={`task-subject-${task.id}`}>{task.subject}</td>
                  <td>{task.memberName}</td>
                  <td>{task.useCaseName}</td>
                  <td className="nowrap">{formatDateTime(task.createdAt, locale)}</td>
                  <td>{task.assignee ?? <span className="muted">{t('tasks.unassigned')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
