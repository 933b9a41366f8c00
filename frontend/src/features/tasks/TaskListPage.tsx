import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { placeFieldErrors } from '../../lib/fieldErrors';
import { useI18n } from '../../lib/i18n';
import { takeNavigationState } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useAuth } from '../../lib/auth/context';
import { fetchUseCases } from '../../lib/useCases';
import { ScopeTabs } from './components/ScopeTabs';
import { SavedFilters } from './components/SavedFilters';
import { FILTER_FIELDS, TaskFilterForm } from './components/TaskFilterForm';
import { TaskTable } from './components/TaskTable';
import { fetchTaskCounts, fetchTaskList, PAGE_SIZE, type TaskCriteria } from './listApi';
import type { TaskListState } from '../../lib/task/useTaskAction';

export const TASKS_REFRESH_MS = 20_000;
const STORAGE_KEY = 'tandem.taskCriteria';

function storedCriteria(): TaskCriteria {
  try {
    const text = window.sessionStorage.getItem(STORAGE_KEY);
    return text ? (JSON.parse(text) as TaskCriteria) : {};
  } catch {
    return {};
  }
}

/** True while the tab is shown: the list stops polling in a hidden tab and refreshes when it comes back. */
function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => !document.hidden);
  useEffect(() => {
    const update = () => setVisible(!document.hidden);
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

export function TaskListPage() {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  // A task screen that just completed a task hands over its confirmation.
  const [handed] = useState(() => takeNavigationState<TaskListState>('/tasks'));
  const [criteria, setCriteria] = useState<TaskCriteria>(storedCriteria);
  const [page, setPage] = useState(0);
  const [message, setMessage] = useState(handed?.message ?? '');
  const visible = usePageVisible();
  const key = JSON.stringify([criteria, page, visible]);
  const { data, error, loading, reload } = useQuery(key, (signal) => fetchTaskList(criteria, page, signal), {
    refetchInterval: () => (document.hidden ? false : TASKS_REFRESH_MS),
  });
  // the total and the counts in their own request, so that the rows do not wait for them (P4: 100,000
  // open tasks); on the first load it waits for the rows, so that counting does not slow the page down
  const listed = data !== undefined;
  const { data: counted, reload: reloadCounts } = useQuery(
    listed ? `counts-${JSON.stringify([criteria, visible])}` : 'counts-after-the-rows',
    (signal) => (listed ? fetchTaskCounts(criteria, signal) : Promise.resolve(undefined)),
    { refetchInterval: () => (listed && !document.hidden ? TASKS_REFRESH_MS : false) },
  );
  const counts = counted?.counts;
  const { data: useCases } = useQuery('use-cases', (signal) => fetchUseCases(signal));
  const useCaseNames = useMemo(
    () => Object.fromEntries((useCases ?? []).map((u) => [u.key, lang === 'en' && u.nameEn ? u.nameEn : u.name])),
    [useCases, lang],
  );

  const apply = useCallback((next: TaskCriteria) => {
    setCriteria(next);
    setPage(0);
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // private mode: the filters last as long as the page
    }
  }, []);
  const changed = useCallback(
    (text: string) => {
      setMessage(text);
      reload();
      reloadCounts();
    },
    [reload, reloadCounts],
  );

  // the saved filters' counts are fetched again with each answer of the list
  const [listVersion, setListVersion] = useState(0);
  const [seen, setSeen] = useState(data);
  if (data !== seen) {
    setSeen(data);
    if (data) setListVersion((v) => v + 1);
  }

  // a refusal about one filter is shown next to that filter; others (scope, sort, page) above the list
  const { fieldErrors, error: listError } = placeFieldErrors(error, FILTER_FIELDS);
  const tasks = data?.items;
  // known with the page when it is short, else from the counts' answer (null until it comes)
  const total = data?.total ?? counted?.total ?? null;
  const from = page * PAGE_SIZE + 1;
  const to = page * PAGE_SIZE + (tasks?.length ?? 0);

  return (
    <>
      <div className="page-head">
        <PageTitle title={t('tasks.title')}>{t('tasks.title')}</PageTitle>
      </div>
      <div role="status" className="status-message">
        {message ? <p className="alert alert-success">{message}</p> : null}
      </div>
      <ScopeTabs criteria={criteria} counts={counts} onChange={apply} />
      {/* folded by default, the active filters said in its summary (issue 19) */}
      <details className="task-filter-panel">
        <summary>{filterSummary(criteria, useCaseNames, t)}</summary>
        <TaskFilterForm criteria={criteria} counts={counts} useCaseNames={useCaseNames} fieldErrors={fieldErrors} onApply={apply} />
        {user ? <SavedFilters criteria={criteria} groups={user.groups} onSelect={apply} refreshKey={String(listVersion)} /> : null}
      </details>
      {loading ? <Loading /> : null}
      <ErrorMessage error={listError} onRetry={reload} />
      {tasks && tasks.length === 0 ? <p className="empty">{t('tasks.empty')}</p> : null}
      {tasks && tasks.length > 0 ? (
        <>
          <p className="muted" aria-live="polite">
            {t('tasks.page', { from, to, total: total ?? '…' })}
          </p>
          <TaskTable
            tasks={tasks}
            criteria={criteria}
            username={user?.username ?? ''}
            onSort={(sort, order) => apply({ ...criteria, sort, order })}
            onChanged={changed}
          />
          <nav className="pager" aria-label={t('tasks.pagination')}>
            <Button variant="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
              {t('tasks.previous')}
            </Button>
            <Button variant="secondary" disabled={total === null ? (tasks?.length ?? 0) < PAGE_SIZE : to >= total} onClick={() => setPage(page + 1)}>
              {t('tasks.next')}
            </Button>
          </nav>
        </>
      ) : null}
    </>
  );
}

/** « Filtres » and the active ones: « Filtres : Cas d'usage : Courrier · Sociétaire : M-1001 », or « aucun ». */
function filterSummary(c: TaskCriteria, useCaseNames: Record<string, string>, t: ReturnType<typeof useI18n>['t']): string {
  const active: string[] = [];
  if (c.status && c.status !== 'open') active.push(`${t('tasks.filter.status')} : ${t(`tasks.status.${c.status}`)}`);
  if (c.useCase) active.push(`${t('tasks.filter.useCase')} : ${useCaseNames[c.useCase] ?? c.useCase}`);
  if (c.member) active.push(`${t('tasks.filter.member')} : ${c.member}`);
  if (c.text) active.push(`${t('tasks.filter.text')} : ${c.text}`);
  if (c.dueAfter) active.push(`${t('tasks.filter.dueAfter')} ${c.dueAfter}`);
  if (c.dueBefore) active.push(`${t('tasks.filter.dueBefore')} ${c.dueBefore}`);
  if (c.minPriority != null) active.push(`${t('tasks.filter.priority')} ≥ ${c.minPriority}`);
  if (c.suspended && c.suspended !== 'include') active.push(t(`tasks.suspended.${c.suspended}`));
  return active.length === 0 ? t('tasks.filters.none') : t('tasks.filters.active', { filters: active.join(' · ') });
}
