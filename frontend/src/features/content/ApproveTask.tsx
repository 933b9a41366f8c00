import { useState, type FormEvent } from 'react';
import { AiBadge } from '../../components/AiBadge';
import { DiffView } from '../../components/DiffView';
import { DraftFlags, DraftSources, sourceKey } from '../../components/DraftSources';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { RequestSummary } from '../../components/case/RequestSummary';
import { VersionList } from './components/VersionList';
import type { TaskDetail } from '../../types/api';
import { FullDisplayDecision } from '../../components/task/FullDisplayDecision';
import { EditRatio } from './components/EditRatio';
import { DecisionTextForm } from '../../components/task/DecisionTextForm';
import { TaskHeader } from '../../components/task/TaskHeader';
import { useFullDisplay } from '../../lib/task/useFullDisplay';
import { useTaskAction } from '../../lib/task/useTaskAction';
import { ReasonPicker } from '../../components/task/ReasonPicker';
import { useReasons, withReasons } from '../../lib/task/useReasons';

const FIELDS = ['reason', 'reasons'] as const;

/**
 * « Approuver le contenu »: the text exactly as it will be sent (with the member's label when
 * the server previews it), who edited it, and the decision: approve and send, or return.
 */
export function ApproveTask({ detail }: { detail: TaskDetail }) {
  const { t } = useI18n();
  const { task, case: view } = detail;
  // an approval opens the case (its letter goes out), not the task list
  const action = useTaskAction(task, view.id, FIELDS, { openCaseAfter: 'APPROVE' });
  const [reason, setReason] = useState('');
  const reasons = useReasons(view.useCaseKey);
  const [chosen, setChosen] = useState<string[]>([]);
  const preview = view.disclosurePreview;
  const versions = view.versions ?? [];
  const letter = preview?.text ?? view.currentText ?? '';
  const label = preview?.label?.trim();
  const aiDraft = view.draft && view.draft.producer !== 'HUMAN' ? view.draft : null;
  const sources = view.draft?.sources ?? [];
  const display = useFullDisplay(sources.map(sourceKey));
  // a callback ref: passed to ref= straight from `display`, react-hooks/refs would take all of `display` for a ref
  const { endRef } = display;

  const onReturn = (event: FormEvent) => {
    event.preventDefault();
    const value = reason.trim();
    if (!value) return action.invalid('reason', t('approve.reasonRequired'));
    void action.complete({ decision: 'RETURN', reason: value, ...withReasons(chosen) });
  };

  return (
    <>
      <TaskHeader task={task} />
      {view.fourEyes ? <p className="alert alert-info">{t('approve.fourEyes')}</p> : null}
      <div className="two-columns">
        <div className="stack">
          <section className="panel panel-final" aria-labelledby="approval-letter-title">
            <h2 id="approval-letter-title">{t('approve.letter')}</h2>
            <p className="muted small">{preview ? t('approve.letterIntro') : t('approve.letterNoPreview')}</p>
            {/* Untouched AI text keeps its machine marker. */}
            {view.draft && versions.length === 0 ? <AiBadge draft={view.draft} /> : null}
            {view.draft?.flags?.length ? <DraftFlags flags={view.draft.flags} /> : null}
            {letter ? (
              <div
                className="letter letter-final letter-scroll"
                data-testid="approval-text"
                tabIndex={0}
                role="region"
                aria-label={t('approve.letter')}
              >
                {letter}
                <span ref={endRef} className="text-end" data-testid="draft-end" aria-hidden="true" />
              </div>
            ) : (
              <p className="alert alert-warning">{t('approve.noText')}</p>
            )}
            {preview ? (
              <dl className="facts">
                <div>
                  <dt>{t('case.disclosure')}</dt>
                  <dd>
                    <span className={label ? 'disclosure-label' : 'disclosure-label disclosure-none'} data-testid="preview-label">
                      {label || t('case.disclosureNone')}
                    </span>
                  </dd>
                </div>
                <div>
                  <dt>{t('case.disclosureCategory')}</dt>
                  <dd>{t(`disclosure.${preview.category}` as MessageKey)}</dd>
                </div>
              </dl>
            ) : null}
            <DraftSources sources={sources} opened={display.opened} onOpen={display.open} />
          </section>
          {aiDraft && view.currentText ? (
            <section className="panel" aria-labelledby="approve-changes-title">
              <h2 id="approve-changes-title">{t('approve.changes')}</h2>
              <EditRatio draft={aiDraft.text} text={view.currentText} />
              <DiffView before={aiDraft.text} after={view.currentText} />
            </section>
          ) : null}
          <VersionList versions={versions} headingId="task-versions-title" title={t('approve.editors')} empty={t('approve.noVersions')} />
          <RequestSummary view={view} headingId="task-request-title" title={t('task.request')} />
        </div>
        <section className="panel decisions" aria-labelledby="decision-title">
          <h2 id="decision-title">{t('task.decision')}</h2>
          <ErrorMessage error={action.error} />
          <FullDisplayDecision
            action={action}
            display={display}
            sources={sources.length}
            id="approve-display"
            decision="APPROVE"
            hint={t('approve.hint')}
            label={t('task.approve')}
            ready={Boolean(letter)}
          />
          <DecisionTextForm
            action={action}
            decision="RETURN"
            field="reason"
            id="return-title"
            title={t('approve.returnTitle')}
            label={t('approve.reason')}
            hint={t('approve.reasonHint')}
            value={reason}
            onChange={setReason}
            onSubmit={onReturn}
            submitLabel={t('approve.return')}
            variant="secondary"
          >
            <ReasonPicker
              id="return-reasons"
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
