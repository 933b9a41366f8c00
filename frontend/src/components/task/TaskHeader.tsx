import { PageTitle } from '../PageTitle';
import { useI18n, type MessageKey } from '../../lib/i18n';
import type { TaskSummary } from '../../types/api';

const KNOWN_TASKS = new Set(['review', 'edit', 'handDraft', 'approve', 'postReview', 'authorizeUnattended', 'authorizePromptVersion', 'secondReview']);

/** The task's name: the server's in French, a translation in English (the server's if unknown). */
export function useTaskName(task: Pick<TaskSummary, 'name' | 'taskKey'>): string {
  const { t, lang } = useI18n();
  const known = KNOWN_TASKS.has(task.taskKey);
  if (lang === 'fr' && task.name) return task.name;
  return known ? t(`taskKind.${task.taskKey}` as MessageKey) : task.name;
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
