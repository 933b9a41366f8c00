import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import type { MessageKey } from '../../../lib/i18n';
import { Link } from '../../../lib/router';
import type { SortKey, TaskCriteria, TaskListItem } from '../listApi';
import { useTaskName } from '../../../components/task/TaskHeader';
import { TaskRowActions } from './TaskRowActions';

interface TaskTableProps {
  tasks: TaskListItem[];
  criteria: TaskCriteria;
  username: string;
  onSort: (sort: SortKey, order: 'asc' | 'desc') => void;
  onChanged: (message: string) => void;
}

const DEFAULT_ASCENDING: Record<SortKey, boolean> = { created: false, due: true, priority: false, subject: true, member: true, name: true };

function SortHeader({ column, label, criteria, onSort }: { column: SortKey; label: string; criteria: TaskCriteria; onSort: TaskTableProps['onSort'] }) {
  const { t } = useI18n();
  const active = (criteria.sort ?? 'created') === column;
  const ascending = active ? (criteria.order ? criteria.order === 'asc' : DEFAULT_ASCENDING[column]) : DEFAULT_ASCENDING[column];
  return (
    <th scope="col" aria-sort={active ? (ascending ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        className="sort-button"
        title={t('tasks.sortBy', { column: label })}
        onClick={() => onSort(column, active ? (ascending ? 'desc' : 'asc') : DEFAULT_ASCENDING[column] ? 'asc' : 'desc')}
      >
        {label}
        <span aria-hidden="true">{active ? (ascending ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

/** The tasks, sortable by column, each with its actions. */
export function TaskTable({ tasks, criteria, username, onSort, onChanged }: TaskTableProps) {
  const { t } = useI18n();
  const header = (column: SortKey, key: MessageKey) => (
    <SortHeader column={column} label={t(key)} criteria={criteria} onSort={onSort} />
  );
  return (
    <div className="table-wrap">
      <table className="table task-table">
        <caption>{t('tasks.caption')}</caption>
        <thead>
          <tr>
            {header('name', 'tasks.col.name')}
            {header('subject', 'tasks.col.subject')}
            {header('member', 'tasks.col.member')}
            <th scope="col">{t('tasks.col.useCase')}</th>
            {header('created', 'tasks.col.created')}
            {header('due', 'tasks.col.due')}
            {header('priority', 'tasks.col.priority')}
            <th scope="col">{t('tasks.col.assignee')}</th>
            <th scope="col">{t('tasks.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <TaskRow key={task.id} task={task} username={username} onChanged={onChanged} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TaskRow({ task, username, onChanged }: { task: TaskListItem; username: string; onChanged: (message: string) => void }) {
  const { t, locale } = useI18n();
  const name = useTaskName(task);
  // eslint-disable-next-line react-hooks/purity -- overdue as of when the row is drawn (the list refreshes every 20 s)
  const overdue = task.status === 'OPEN' && task.dueAt !== null && new Date(task.dueAt).getTime() < Date.now();
  return (
    // data-task-key lets scripts (e2e) find a kind of task whatever its wording
    <tr data-task-key={task.taskKey} data-case-id={task.caseId ?? undefined}>
      <td>
        {task.status === 'OPEN' ? (
          <Link to={`/tasks/${task.id}`} aria-describedby={`task-subject-${task.id}`}>
            {name}
          </Link>
        ) : (
          name
        )}
        {task.suspended ? (
          <span className="badge badge-warning" title={t('tasks.suspendedHint')}>
            {' '}
            {t('tasks.suspendedMark')}
          </span>
        ) : null}
      </td>
      <td id={`task-subject-${task.id}`}>{task.subject}</td>
      <td>{task.memberName}</td>
      <td>{task.useCaseName}</td>
      <td className="nowrap">{formatDateTime(task.createdAt, locale)}</td>
      <td className="nowrap">
        {formatDateTime(task.dueAt, locale)}
        {overdue ? <span className="badge badge-warning"> {t('tasks.overdueMark')}</span> : null}
      </td>
      <td>{task.priority}</td>
      <td>
        {task.assignee === null ? (
          <span className="muted">{t('tasks.unassigned')}</span>
        ) : task.assignee === username ? (
          <strong>{t('tasks.me')}</strong>
        ) : (
          task.assignee
        )}
      </td>
      <td>
        <TaskRowActions task={task} username={username} onChanged={onChanged} />
      </td>
    </tr>
  );
}
