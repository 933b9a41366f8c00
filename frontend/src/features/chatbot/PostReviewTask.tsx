import { useState, type FormEvent } from 'react';
import { DraftPanel } from '../../components/DraftPanel';
import { sourceKey } from '../../components/DraftSources';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../lib/i18n';
import { RequestSummary } from '../../components/case/RequestSummary';
import type { TaskDetail } from '../../types/api';
import { DecisionTextForm } from '../../components/task/DecisionTextForm';
import { FullDisplayDecision } from '../../components/task/FullDisplayDecision';
import { TaskHeader } from '../../components/task/TaskHeader';
import { useFullDisplay } from '../../lib/task/useFullDisplay';
import { useTaskAction } from '../../lib/task/useTaskAction';
import { ReasonPicker } from '../../components/task/ReasonPicker';
import { useReasons, withReasons } from '../../lib/task/useReasons';

const FIELDS = ['reason', 'reasons'] as const;

/**
 * « Relire une réponse envoyée » (chatbot, `postReview`): an answer the member already received,
 * drawn by lot. The expert says it was correct (once the whole answer and its sources were
 * displayed) or wrong, with what is wrong: an adviser then recontacts the member.
 */
export function PostReviewTask({ detail }: { detail: TaskDetail }) {
  const { t } = useI18n();
  const { task, case: view } = detail;
  const action = useTaskAction(task, view.id, FIELDS);
  const [reason, setReason] = useState('');
  const reasons = useReasons(view.useCaseKey);
  const [chosen, setChosen] = useState<string[]>([]);
  const sources = view.draft?.sources ?? [];
  const display = useFullDisplay(sources.map(sourceKey));
  const label = view.disclosure?.label?.trim();

  const onWrong = (event: FormEvent) => {
    event.preventDefault();
    const value = reason.trim();
    if (!value) return action.invalid('reason', t('postReview.reasonRequired'));
    void action.complete({ decision: 'REJECT', reason: value, ...withReasons(chosen) });
  };

  return (
    <>
      <TaskHeader task={task} />
      <div className="two-columns">
        <div className="stack">
          {view.draft ? (
            <DraftPanel
              draft={view.draft}
              headingId="task-draft-title"
              title={t('postReview.answer')}
              endRef={display.endRef}
              openedSources={display.opened}
              onOpenSource={display.open}
            />
          ) : (
            <p className="alert alert-warning">{t('postReview.noAnswer')}</p>
          )}
          <section className="panel" aria-labelledby="post-review-label-title">
            <h2 id="post-review-label-title">{t('postReview.labelTitle')}</h2>
            <p className={label ? 'disclosure-label' : 'disclosure-label disclosure-none'} data-testid="disclosure-label">
              {label || t('case.disclosureNone')}
            </p>
          </section>
          <RequestSummary view={view} headingId="task-request-title" title={t('postReview.question')} />
        </div>
        <section className="panel decisions" aria-labelledby="decision-title">
          <h2 id="decision-title">{t('task.decision')}</h2>
          <p className="muted">{t('postReview.intro')}</p>
          <ErrorMessage error={action.error} />
          <FullDisplayDecision
            action={action}
            display={display}
            sources={sources.length}
            id="post-review-display"
            decision="ACCEPT"
            title={t('postReview.correctTitle')}
            label={t('postReview.correct')}
            ready={Boolean(view.draft)}
          />
          <DecisionTextForm
            action={action}
            decision="REJECT"
            field="reason"
            id="post-review-wrong-title"
            title={t('postReview.wrongTitle')}
            label={t('postReview.reason')}
            hint={t('postReview.reasonHint')}
            value={reason}
            onChange={setReason}
            onSubmit={onWrong}
            submitLabel={t('postReview.wrong')}
            variant="danger"
          >
            <ReasonPicker
              id="post-review-reasons"
              reasons={reasons}
              value={chosen}
              onChange={(codes) => {
                setChosen(codes);
                action.clearFieldError('reasons');
              }}
              error={action.fieldErrors.reasons}
            />
          </DecisionTextForm>
        </section>
      </div>
    </>
  );
}
