import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { DraftPanel } from '../../components/DraftPanel';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextAreaField } from '../../components/Field';
import { useI18n } from '../../lib/i18n';
import { RequestSummary } from '../cases/components/RequestSummary';
import { MAX_INSTRUCTION, type TaskDetail } from './api';
import { TaskHeader } from './components/TaskHeader';
import { useTaskAction } from './useTaskAction';

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
  const label = (decision: string, value: string) => (action.pending === decision ? t('task.sending') : value);

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
                    {label('ACCEPT', t('answer.useful'))}
                  </Button>
                </div>
              </div>
              <form className="decision" onSubmit={onAskExpert} noValidate aria-labelledby="ask-title">
                <h3 id="ask-title">{t('answer.askTitle')}</h3>
                <TextAreaField
                  label={t('answer.questionToExpert')}
                  name="instruction"
                  value={question}
                  onChange={(e) => {
                    setQuestion(e.target.value);
                    action.clearFieldError('instruction');
                  }}
                  error={action.fieldErrors.instruction}
                  required
                  rows={3}
                />
                <div className="form-actions">
                  <Button type="submit" variant="secondary" busy={action.pending === 'ASK_EXPERT'} disabled={action.busy}>
                    {label('ASK_EXPERT', t('answer.ask'))}
                  </Button>
                </div>
              </form>
              <form className="decision" onSubmit={onNotUseful} noValidate aria-labelledby="not-useful-title">
                <h3 id="not-useful-title">{t('answer.notUsefulTitle')}</h3>
                <TextAreaField
                  label={t('answer.reason')}
                  name="reason"
                  hint={t('answer.reasonHint')}
                  value={reason}
                  onChange={(e) => {
                    setReason(e.target.value);
                    action.clearFieldError('reason');
                  }}
                  error={action.fieldErrors.reason}
                  required
                  rows={3}
                />
                <div className="form-actions">
                  <Button type="submit" variant="danger" busy={action.pending === 'REJECT'} disabled={action.busy}>
                    {label('REJECT', t('answer.notUseful'))}
                  </Button>
                </div>
              </form>
            </>
          ) : (
            <form className="decision" onSubmit={onAnswer} noValidate aria-labelledby="answer-title">
              <h3 id="answer-title">{t('answer.expertTitle')}</h3>
              {askedQuestion ? <p className="alert alert-info">{t('answer.adviserAsks', { question: askedQuestion })}</p> : null}
              <TextAreaField
                label={t('answer.text')}
                name="text"
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  action.clearFieldError('text');
                }}
                error={action.fieldErrors.text}
                required
                rows={10}
              />
              <div className="form-actions">
                <Button type="submit" busy={action.pending === 'SUBMIT'} disabled={action.busy}>
                  {label('SUBMIT', t('answer.send'))}
                </Button>
              </div>
            </form>
          )}
        </section>
      </div>
    </>
  );
}
