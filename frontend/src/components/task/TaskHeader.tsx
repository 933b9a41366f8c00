import { PageTitle } from '../PageTitle';
import { isMessageKey, useI18n } from '../../lib/i18n';
import type { TaskSummary } from '../../types/api';

/** The task's name: the server's in French, in English the `taskKind.<key>` its feature registered (else the server's). */
export function useTaskName(task: Pick<TaskSummary, 'name' | 'taskKey'>): string {
  const { t, lang } = useI18n();
  const key = `taskKind.${task.taskKey}`;
  if (lang === 'fr' && task.name) return task.name;
  return isMessageKey(key) ? t(key) : task.name;
}

/** The page's h1 (the task's name) and what the task is about. */
export function TaskHeader({ task }: { task: TaskSummary }) {
  const name = useTaskName(task);
  return (
    <div className="page-head">
      <div>
        <PageTitle title={`${name} — ${task.subject}`}>{name}</PageTitle>
        <p className="muted">
          {task.subject} · {task.memberName} · {task.useCaseName}
        </p>
      </div>
    </div>
  );
}
