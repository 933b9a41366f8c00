import { useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/useQuery';
import type { CaseView, TaskDecisionKind } from '../../types/api';
import { RequestSummary } from '../../components/case/RequestSummary';
import type { Completion, TaskDetail } from '../../types/api';
import { fetchTaskForm } from './api';
import { CamundaForm, type CamundaFormHandle } from './components/CamundaForm';
import { TaskHeader } from '../../components/task/TaskHeader';
import { useTaskAction } from '../../lib/task/useTaskAction';

const DECISIONS: readonly string[] = ['ACCEPT', 'EDIT', 'REGENERATE', 'REJECT', 'SUBMIT', 'APPROVE', 'RETURN'];

/** The decision a Camunda Form's values stand for (its `decision`, `reason`, `instruction`, `text` keys). */
export function completionOf(data: Record<string, unknown>): Completion | null {
  const decision = typeof data.decision === 'string' && DECISIONS.includes(data.decision) ? (data.decision as TaskDecisionKind) : null;
  if (!decision) return null;
  const text = (key: string) => (typeof data[key] === 'string' && (data[key] as string).trim() ? (data[key] as string) : undefined);
  return { decision, reason: text('reason'), instruction: text('instruction'), text: decision === 'SUBMIT' ? text('text') : undefined };
}

/**
 * Any task without a screen of its own (e.g. a process added later with its form in forms/):
 * its Camunda Form, rendered by form-js, and the decision it holds.
 */
export function FormTask({ detail }: { detail: TaskDetail }) {
  const { t } = useI18n();
  const { task } = detail;
  // a standing authorisation belongs to no case
  const view = detail.case as CaseView | undefined;
  const action = useTaskAction(task, view?.id ?? 0, []);
  const form = useQuery(`task-form-${task.id}`, (signal) => fetchTaskForm(task.id, signal));
  const handle = useRef<CamundaFormHandle>(null);
  const [invalid, setInvalid] = useState(false);

  const onSubmit = () => {
    const result = handle.current?.submit();
    if (!result) return;
    const completion = completionOf(result.data);
    if (Object.keys(result.errors).length > 0 || !completion) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    void action.complete(completion);
  };

  return (
    <>
      <TaskHeader task={task} />
      <div className="two-columns">
        <section className="panel" aria-labelledby="task-form-title">
          <h2 id="task-form-title">{t('form.title')}</h2>
          {form.loading ? <Loading /> : null}
          <ErrorMessage error={form.error} onRetry={form.reload} />
          {form.data ? <CamundaForm ref={handle} schema={form.data.schema} data={form.data.data} /> : null}
          {invalid ? <p className="alert alert-error" role="alert">{t('form.invalid')}</p> : null}
          <ErrorMessage error={action.error} />
          {form.data ? (
            <div className="form-actions">
              <Button busy={action.busy} onClick={onSubmit}>
                {action.busy ? t('task.sending') : t('form.submit')}
              </Button>
            </div>
          ) : null}
        </section>
        {view ? <RequestSummary view={view} headingId="task-request-title" title={t('task.request')} /> : null}
      </div>
    </>
  );
}
