import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { DraftPanel } from '../../components/DraftPanel';
import { sourceKey } from '../../components/DraftSources';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextAreaField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { DisplayChecklist } from '../../components/task/DisplayChecklist';
import { ReasonPicker } from '../../components/task/ReasonPicker';
import { useTaskName } from '../../components/task/TaskHeader';
import { useI18n } from '../../lib/i18n';
import { useFullDisplay } from '../../lib/task/useFullDisplay';
import { useTaskAction } from '../../lib/task/useTaskAction';
import { useQuery } from '../../lib/useQuery';
import type { TaskDecisionKind, TaskDetail } from '../../types/api';
import { fetchBlindCase, type BlindCase } from './api';

const FIELDS = ['reasons', 'reason', 'decision'] as const;
const VERDICTS: TaskDecisionKind[] = ['ACCEPT', 'EDIT', 'REJECT'];
const NO_SOURCES: readonly string[] = [];

/**
 * « Seconde relecture à l'aveugle » (`secondReview`): a disclosed content drawn by lot, rated by a second
 * expert as if first: acceptable as is, to correct, or unusable, with the use case's reasons. The screen
 * shows the request and the AI draft with its sources — never the first decision nor the final text.
 */
export function SecondReviewTask({ detail }: { detail: TaskDetail }) {
  const { t } = useI18n();
  const { task } = detail;
  const blind = useQuery(`second-review-${task.id}`, (signal) => fetchBlindCase(task.id, signal));
  return (
    <>
      {blind.loading ? <Loading /> : null}
      <ErrorMessage error={blind.error} onRetry={blind.reload} />
      {blind.data ? <BlindReview detail={detail} blind={blind.data} /> : <PageTitle title={t('taskKind.secondReview')}>{t('taskKind.secondReview')}</PageTitle>}
    </>
  );
}

function BlindReview({ detail, blind }: { detail: TaskDetail; blind: BlindCase }) {
  const { t, lang } = useI18n();
  const { task } = detail;
  const name = useTaskName(task);
  const action = useTaskAction(task, blind.caseId, FIELDS);
  const sources = blind.draft.sources ?? [];
  const display = useFullDisplay(sources.length ? sources.map(sourceKey) : NO_SOURCES);
  const [verdict, setVerdict] = useState<TaskDecisionKind | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const useCase = lang === 'en' && blind.useCaseNameEn ? blind.useCaseNameEn : blind.useCaseName;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!verdict) return action.invalid('decision', t('secondReview.verdictRequired'));
    void action.complete(
      {
        decision: verdict,
        reasons: verdict === 'ACCEPT' ? [] : chosen,
        reason: comment.trim() || undefined,
        displayedMs: display.displayedMs(),
      },
    );
  };

  return (
    <>
      <div className="page-head">
        <div>
          <PageTitle title={`${name} — ${blind.subject}`}>{name}</PageTitle>
          <p className="muted">
            {blind.subject} · {useCase}
          </p>
        </div>
      </div>
      <p className="alert alert-info">{t('secondReview.intro')}</p>
      <div className="two-columns">
        <div className="stack">
          <DraftPanel
            draft={blind.draft}
            headingId="second-review-draft"
            title={t('task.draft')}
            endRef={display.endRef}
            openedSources={display.opened}
            onOpenSource={display.open}
          />
          <section className="panel" aria-labelledby="second-review-request">
            <h2 id="second-review-request">{t('task.request')}</h2>
            <p className="strong">{blind.subject}</p>
            <p className="letter small">{blind.message}</p>
          </section>
        </div>
        <section className="panel decisions" aria-labelledby="decision-title">
          <h2 id="decision-title">{t('secondReview.verdictTitle')}</h2>
          <ErrorMessage error={action.error} />
          <form className="decision" onSubmit={onSubmit} noValidate>
            <DisplayChecklist display={display} sources={sources.length} id="second-review-display" />
            <fieldset className={action.fieldErrors.decision ? 'field-invalid' : undefined}>
              <legend>{t('secondReview.verdict')}</legend>
              {VERDICTS.map((v) => (
                <label key={v} className="radio">
                  <input
                    type="radio"
                    name="decision"
                    value={v}
                    checked={verdict === v}
                    onChange={() => {
                      setVerdict(v);
                      action.clearFieldError('decision');
                    }}
                  />{' '}
                  {t(`secondReview.verdict.${v}` as 'secondReview.verdict.ACCEPT')}
                </label>
              ))}
              {action.fieldErrors.decision ? <p className="field-error">{action.fieldErrors.decision}</p> : null}
            </fieldset>
            {verdict && verdict !== 'ACCEPT' ? (
              <ReasonPicker
                id="second-review-reasons"
                reasons={blind.reasons}
                value={chosen}
                onChange={(codes) => {
                  setChosen(codes);
                  action.clearFieldError('reasons');
                }}
                error={action.fieldErrors.reasons}
              />
            ) : null}
            <TextAreaField
              label={t('secondReview.comment')}
              name="reason"
              hint={t('secondReview.commentHint')}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              error={action.fieldErrors.reason}
              rows={3}
            />
            <div className="form-actions form-actions-start">
              <Button type="submit" busy={action.busy} disabled={action.busy || !display.complete} aria-describedby="second-review-display">
                {action.busy ? t('task.sending') : t('secondReview.submit')}
              </Button>
            </div>
          </form>
        </section>
      </div>
    </>
  );
}
