import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { DecisionTextForm } from '../../components/task/DecisionTextForm';
import { FullDisplayDecision } from '../../components/task/FullDisplayDecision';
import { useTaskName } from '../../components/task/TaskHeader';
import { useI18n } from '../../lib/i18n';
import { useFullDisplay } from '../../lib/task/useFullDisplay';
import { useTaskAction } from '../../lib/task/useTaskAction';
import { useQuery } from '../../lib/useQuery';
import type { TaskDetail } from '../../types/api';
import { fetchTaskEvaluation } from './api';
import { EvaluationView } from './EvaluationView';

const FIELDS = ['reason'] as const;
const NO_SOURCES: readonly string[] = [];

/**
 * « Autoriser la version du pré-prompt » (`authorizePromptVersion`): the AI referent reads the evaluation
 * of a new version on the use case's reference set beside the version in service, and its text to the
 * end, then authorises it (it serves new cases from then on) or refuses it with a reason (it never
 * serves). The task belongs to no case.
 */
export function AuthorizeVersionTask({ detail }: { detail: TaskDetail }) {
  const { t } = useI18n();
  const { task } = detail;
  const name = useTaskName(task);
  const action = useTaskAction(task, 0, FIELDS);
  const run = useQuery(`task-evaluation-${task.id}`, (signal) => fetchTaskEvaluation(task.id, signal));
  const display = useFullDisplay(NO_SOURCES);
  // a callback ref: passed to ref= straight from `display`, react-hooks/refs would take all of `display` for a ref
  const { endRef } = display;
  const [reason, setReason] = useState('');
  const data = run.data;

  const onRefuse = (event: FormEvent) => {
    event.preventDefault();
    const value = reason.trim();
    if (!value) return action.invalid('reason', t('authorizeVersion.reasonRequired'));
    void action.complete({ decision: 'REJECT', reason: value });
  };

  return (
    <>
      <div className="page-head">
        <div>
          <PageTitle title={data ? `${name} — ${data.candidate.label}` : name}>{name}</PageTitle>
          {data ? <p className="muted">{t('authorizeVersion.subtitle', { label: data.candidate.label })}</p> : null}
        </div>
      </div>
      {run.loading ? <Loading /> : null}
      <ErrorMessage error={run.error} onRetry={run.reload} />
      {data ? (
        <div className="two-columns">
          <div className="stack">
            <EvaluationView comparison={data} />
            <section className="panel" aria-labelledby="authorize-version-prompt">
              <h2 id="authorize-version-prompt">{t('authorizeVersion.prompt')}</h2>
              <div className="letter letter-scroll" data-testid="pre-prompt" tabIndex={0} role="region" aria-label={t('authorizeVersion.promptText')}>
                {data.candidate.prePrompt}
                <span ref={endRef} className="text-end" aria-hidden="true" />
              </div>
            </section>
          </div>
          <section className="panel decisions" aria-labelledby="decision-title">
            <h2 id="decision-title">{t('task.decision')}</h2>
            <p className="muted">{t(data.unattended ? 'authorizeVersion.introUnattended' : 'authorizeVersion.intro')}</p>
            <ErrorMessage error={action.error} />
            <FullDisplayDecision
              action={action}
              display={display}
              sources={0}
              id="authorize-version-display"
              decision="APPROVE"
              title={t('authorizeVersion.approveTitle')}
              hint={t('authorizeVersion.approveHint')}
              label={t('authorizeVersion.approve')}
              ready={data.status === 'DONE'}
            />
            <DecisionTextForm
              action={action}
              decision="REJECT"
              field="reason"
              id="authorize-version-refuse"
              title={t('authorizeVersion.refuseTitle')}
              label={t('authorizeVersion.reason')}
              hint={t('authorizeVersion.reasonHint')}
              value={reason}
              onChange={setReason}
              onSubmit={onRefuse}
              submitLabel={t('authorizeVersion.refuse')}
              variant="danger"
            />
          </section>
        </div>
      ) : null}
    </>
  );
}
