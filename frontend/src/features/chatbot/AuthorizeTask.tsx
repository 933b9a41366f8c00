import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/useQuery';
import type { TaskDetail } from '../../types/api';
import { fetchAuthorization } from './api';
import { DecisionTextForm } from '../../components/task/DecisionTextForm';
import { FullDisplayDecision } from '../../components/task/FullDisplayDecision';
import { useTaskName } from '../../components/task/TaskHeader';
import { useFullDisplay } from '../../lib/task/useFullDisplay';
import { useTaskAction } from '../../lib/task/useTaskAction';

const FIELDS = ['reason'] as const;
const NO_SOURCES: readonly string[] = [];

/**
 * « Autoriser les réponses automatiques » (`authorizeUnattended`): an AI referent reads the whole
 * pre-prompt of one version of a chatbot use case, then authorises every future answer of that
 * version to reach members unattended, or refuses with a reason. It belongs to no case.
 */
export function AuthorizeTask({ detail }: { detail: TaskDetail }) {
  const { t, lang } = useI18n();
  const { task } = detail;
  const name = useTaskName(task);
  const action = useTaskAction(task, 0, FIELDS);
  const request = useQuery(`task-authorization-${task.id}`, (signal) => fetchAuthorization(task.id, signal));
  const display = useFullDisplay(NO_SOURCES);
  // a callback ref: passed to ref= straight from `display`, react-hooks/refs would take all of `display` for a ref
  const { endRef } = display;
  const [reason, setReason] = useState('');
  const data = request.data;
  const useCaseName = data ? (lang === 'en' && data.useCaseNameEn ? data.useCaseNameEn : data.useCaseName) : '';

  const onRefuse = (event: FormEvent) => {
    event.preventDefault();
    const value = reason.trim();
    if (!value) return action.invalid('reason', t('authorize.reasonRequired'));
    void action.complete({ decision: 'REJECT', reason: value });
  };

  return (
    <>
      <div className="page-head">
        <div>
          <PageTitle title={data ? `${name} — ${data.promptVersion}` : name}>{name}</PageTitle>
          {data ? (
            <p className="muted">{t('authorize.subtitle', { useCase: useCaseName, version: data.version })}</p>
          ) : null}
        </div>
      </div>
      {request.loading ? <Loading /> : null}
      <ErrorMessage error={request.error} onRetry={request.reload} />
      {data ? (
        <div className="two-columns">
          <section className="panel" aria-labelledby="authorize-prompt-title">
            <h2 id="authorize-prompt-title">{t('authorize.prompt')}</h2>
            <dl className="facts">
              <div>
                <dt>{t('authorize.useCase')}</dt>
                <dd>{useCaseName}</dd>
              </div>
              <div>
                <dt>{t('authorize.version')}</dt>
                <dd data-testid="prompt-version">{data.promptVersion}</dd>
              </div>
            </dl>
            <div
              className="letter letter-scroll"
              data-testid="pre-prompt"
              tabIndex={0}
              role="region"
              aria-label={t('authorize.promptText')}
            >
              {data.prePrompt}
              <span ref={endRef} className="text-end" aria-hidden="true" />
            </div>
          </section>
          <section className="panel decisions" aria-labelledby="decision-title">
            <h2 id="decision-title">{t('task.decision')}</h2>
            <p className="muted">{t('authorize.intro')}</p>
            <ErrorMessage error={action.error} />
            <FullDisplayDecision
              action={action}
              display={display}
              sources={0}
              id="authorize-display"
              decision="APPROVE"
              title={t('authorize.approveTitle')}
              hint={t('authorize.approveHint')}
              label={t('authorize.approve')}
            />
            <DecisionTextForm
              action={action}
              decision="REJECT"
              field="reason"
              id="authorize-refuse-title"
              title={t('authorize.refuseTitle')}
              label={t('authorize.reason')}
              hint={t('authorize.reasonHint')}
              value={reason}
              onChange={setReason}
              onSubmit={onRefuse}
              submitLabel={t('authorize.refuse')}
              variant="danger"
            />
          </section>
        </div>
      ) : null}
    </>
  );
}
