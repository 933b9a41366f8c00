import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { DraftPanel } from '../../components/DraftPanel';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../lib/i18n';
import { RequestSummary } from '../../components/case/RequestSummary';
import { MAX_INSTRUCTION } from '../../lib/task/api';
import type { TaskDetail } from '../../types/api';
import { DecisionTextForm } from '../../components/task/DecisionTextForm';
import { TaskHeader } from '../../components/task/TaskHeader';
import { useTaskAction } from '../../lib/task/useTaskAction';

const FIELDS = ['reason', 'instruction', 'text'] as const;

/**
 * The AMI assistant's tasks: « Lire la réponse et ses sources » (`readAnswer`, the adviser who asked
 * says whether it helped, or asks an expert) and « Répondre à la question du conseiller »
 * (`expertAnswer`, an expert answers in their own words).
 */
export function AnswerTask({ detail, mode }: { detail: TaskDetail; mode: 'read' | 'expert' }) {
  const { t } = useI18n();
  const { task, case: view } = detail;
  const action = useTaskAction(task, view.id, FIELDS);
  const [reason, setReason] = useState('');
  const [question, setQuestion] = useState('');
  const [text, setText] = useState('');

  const onNotUseful = (event: FormEvent) => {
    event.preventDefault();
    const value = reason.trim();
    if (!value) return action.invalid('reason', t('answer.reasonRequired'));
    void action.complete({ decision: 'REJECT', reason: value });
  };

  const onAskExpert = (event: FormEvent) => {
    event.preventDefault();
    const value = question.trim();
    if (!value) return action.invalid('instruction', t('answer.questionRequired'));
    if (value.length > MAX_INSTRUCTION) return action.invalid('instruction', t('answer.questionRequired'));
    void action.complete({ decision: 'ASK_EXPERT', instruction: value });
  };

  const onAnswer = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value) return action.invalid('text', t('answer.textRequired'));
    void action.complete({ decision: 'SUBMIT', text: value });
  };

  const askedQuestion = view.decisions?.filter((d) => d.decision === 'ASK_EXPERT').at(-1)?.instruction;

  return (
    <>
      <TaskHeader task={task} />
      <div className="two-columns">
        <div className="stack">
          {view.draft ? (
            <DraftPanel draft={view.draft} headingId="task-draft-title" title={t('answer.aiAnswer')} />
          ) : (
            <p className="alert alert-warning">{t('answer.noAiAnswer')}</p>
          )}
          <RequestSummary view={view} headingId="task-request-title" title={t('answer.question')} />
        </div>
        <section className="panel decisions" aria-labelledby="decision-title">
          <h2 id="decision-title">{t('task.decision')}</h2>
          <ErrorMessage error={action.error} />
          {mode === 'read' ? (
            <>
              <p className="muted">{t('answer.readIntro')}</p>
              <div className="decision">
                <h3>{t('answer.usefulTitle')}</h3>
                <div className="form-actions form-actions-start">
                  <Button
                    busy={action.pending === 'ACCEPT'}
                    disabled={action.busy || !view.draft}
                    onClick={() => void action.complete({ decision: 'ACCEPT' })}
                  >
                    {action.pending === 'ACCEPT' ? t('task.sending') : t('answer.useful')}
                  </Button>
                </div>
              </div>
              <DecisionTextForm
                action={action}
                decision="ASK_EXPERT"
                field="instruction"
                id="ask-title"
                title={t('answer.askTitle')}
                label={t('answer.questionToExpert')}
                value={question}
                onChange={setQuestion}
                onSubmit={onAskExpert}
                submitLabel={t('answer.ask')}
                variant="secondary"
              />
              <DecisionTextForm
                action={action}
                decision="REJECT"
                field="reason"
                id="not-useful-title"
                title={t('answer.notUsefulTitle')}
                label={t('answer.reason')}
                hint={t('answer.reasonHint')}
                value={reason}
                onChange={setReason}
                onSubmit={onNotUseful}
                submitLabel={t('answer.notUseful')}
                variant="danger"
              />
            </>
          ) : (
            <DecisionTextForm
              action={action}
              decision="SUBMIT"
              field="text"
              id="answer-title"
              title={t('answer.expertTitle')}
              label={t('answer.text')}
              value={text}
              onChange={setText}
              onSubmit={onAnswer}
              submitLabel={t('answer.send')}
              rows={10}
            >
              {askedQuestion ? <p className="alert alert-info">{t('answer.adviserAsks', { question: askedQuestion })}</p> : null}
            </DecisionTextForm>
          )}
        </section>
      </div>
    </>
  );
}
