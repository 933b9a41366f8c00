import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { DraftPanel } from '../../components/DraftPanel';
import { sourceKey } from '../../components/DraftSources';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../lib/i18n';
import { RequestSummary } from '../../components/case/RequestSummary';
import { MAX_INSTRUCTION } from '../../lib/task/api';
import type { TaskDetail } from '../../types/api';
import { LastDecisionNote } from '../../components/task/LastDecisionNote';
import { FullDisplayDecision } from '../../components/task/FullDisplayDecision';
import { DecisionTextForm } from '../../components/task/DecisionTextForm';
import { TaskHeader } from '../../components/task/TaskHeader';
import { useFullDisplay } from '../../lib/task/useFullDisplay';
import { useTaskAction } from '../../lib/task/useTaskAction';
import { ReasonPicker } from '../../components/task/ReasonPicker';
import { useReasons, withReasons } from '../../lib/task/useReasons';

const FIELDS = ['instruction', 'reason', 'reasons'] as const;

/** « Relire le brouillon de l'IA »: accept, edit, regenerate with an instruction, or reject. */
export function ReviewTask({ detail }: { detail: TaskDetail }) {
  const { t, locale } = useI18n();
  const { task, case: view } = detail;
  const action = useTaskAction(task, view.id, FIELDS);
  const [instruction, setInstruction] = useState('');
  const [reason, setReason] = useState('');
  // the use case's reasons, chosen once for whichever correction follows (edit, regenerate, reject)
  const reasons = useReasons(view.useCaseKey);
  const [chosen, setChosen] = useState<string[]>([]);
  const count = view.regenerations ?? 0;
  const max = view.maxRegenerations ?? 0;
  const exhausted = count >= max;
  const maxChars = new Intl.NumberFormat(locale).format(MAX_INSTRUCTION);
  const sources = view.draft?.sources ?? [];
  const display = useFullDisplay(sources.map(sourceKey));

  const label = (decision: string, text: string) => (action.pending === decision ? t('task.sending') : text);

  const onRegenerate = (event: FormEvent) => {
    event.preventDefault();
    const value = instruction.trim();
    if (!value) return action.invalid('instruction', t('review.instructionRequired'));
    if (value.length > MAX_INSTRUCTION) return action.invalid('instruction', t('review.instructionTooLong', { max: maxChars }));
    void action.complete({ decision: 'REGENERATE', instruction: value, ...withReasons(chosen) });
  };

  const onReject = (event: FormEvent) => {
    event.preventDefault();
    const value = reason.trim();
    if (!value) return action.invalid('reason', t('review.reasonRequired'));
    void action.complete({ decision: 'REJECT', reason: value, ...withReasons(chosen) });
  };

  return (
    <>
      <TaskHeader task={task} />
      <div className="two-columns">
        <div className="stack">
          <LastDecisionNote view={view} />
          {view.draft ? (
            <DraftPanel
              draft={view.draft}
              headingId="task-draft-title"
              title={t('task.draft')}
              endRef={display.endRef}
              openedSources={display.opened}
              onOpenSource={display.open}
            />
          ) : (
            <p className="alert alert-warning">{t('task.noDraft')}</p>
          )}
          <RequestSummary view={view} headingId="task-request-title" title={t('task.request')} />
        </div>
        <section className="panel decisions" aria-labelledby="decision-title">
          <h2 id="decision-title">{t('task.decision')}</h2>
          <p className="muted">{t('review.intro')}</p>
          <ErrorMessage error={action.error} />

          <FullDisplayDecision
            action={action}
            display={display}
            sources={sources.length}
            id="review-display"
            decision="ACCEPT"
            title={t('review.quickTitle')}
            hint={t('review.quickHint')}
            label={t('review.accept')}
          >
            <Button
              variant="secondary"
              busy={action.pending === 'EDIT'}
              disabled={action.busy}
              onClick={() => void action.complete({ decision: 'EDIT', ...withReasons(chosen) })}
            >
              {label('EDIT', t('review.edit'))}
            </Button>
          </FullDisplayDecision>

          <ReasonPicker
            id="review-reasons"
            reasons={reasons}
            value={chosen}
            onChange={(codes) => {
              setChosen(codes);
              action.clearFieldError('reasons');
            }}
            error={action.fieldErrors.reasons}
          />

          <DecisionTextForm
            action={action}
            decision="REGENERATE"
            field="instruction"
            id="regenerate-title"
            title={t('review.regenerateTitle')}
            label={t('review.instruction')}
            hint={t('review.instructionHint', { max: maxChars })}
            value={instruction}
            onChange={setInstruction}
            onSubmit={onRegenerate}
            submitLabel={t('review.regenerate')}
            variant="secondary"
            rows={4}
          >
            <p className="counter" data-testid="regenerations">
              {t('review.regenerations', { count, max })}
            </p>
            {exhausted ? <p className="alert alert-warning">{t('review.regenerationsExhausted')}</p> : null}
          </DecisionTextForm>

          <DecisionTextForm
            action={action}
            decision="REJECT"
            field="reason"
            id="reject-title"
            title={t('review.rejectTitle')}
            label={t('review.reason')}
            hint={t('review.reasonHint')}
            value={reason}
            onChange={setReason}
            onSubmit={onReject}
            submitLabel={t('review.reject')}
            variant="danger"
          />
        </section>
      </div>
    </>
  );
}
