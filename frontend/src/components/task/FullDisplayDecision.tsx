import type { ReactNode } from 'react';
import { Button } from '../Button';
import { useI18n } from '../../lib/i18n';
import type { TaskDecisionKind } from '../../types/api';
import type { TaskAction } from '../../lib/task/useTaskAction';
import type { FullDisplay } from '../../lib/task/useFullDisplay';
import { DisplayChecklist } from './DisplayChecklist';

/**
 * A decision that the server accepts only once the whole draft and its sources were displayed
 * (AI Act art. 14(4)(b)): what is left to display, then the button; the decision carries the display's time.
 * Other buttons of the same row come as children.
 */
export function FullDisplayDecision({
  action,
  display,
  sources,
  id,
  decision,
  label,
  title,
  hint,
  ready = true,
  children,
}: {
  action: TaskAction;
  display: FullDisplay;
  sources: number;
  id: string;
  decision: TaskDecisionKind;
  label: string;
  title?: string;
  hint?: string;
  /** false while there is nothing to decide on yet (no draft) */
  ready?: boolean;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="decision">
      {title ? <h3>{title}</h3> : null}
      {hint ? <p className="field-hint">{hint}</p> : null}
      <DisplayChecklist display={display} sources={sources} id={id} />
      {action.confirmation?.completion.decision === decision ? (
        <div className="alert alert-warning confirm-fast" role="alert">
          <p id={`${id}-confirm-title`} className="strong">
            {t('readingFloor.title')}
          </p>
          <p id={`${id}-confirm-text`}>{action.confirmation.message}</p>
          <div className="form-actions form-actions-start">
            <Button busy={action.busy} disabled={action.busy} onClick={() => void action.confirm()}>
              {t('readingFloor.confirm')}
            </Button>
            <Button variant="secondary" disabled={action.busy} onClick={action.dismissConfirmation}>
              {t('readingFloor.readAgain')}
            </Button>
          </div>
        </div>
      ) : null}
      <div className="form-actions form-actions-start">
        <Button
          busy={action.pending === decision}
          disabled={action.busy || !ready || !display.complete}
          aria-describedby={id}
          onClick={() => void action.complete({ decision, displayedMs: display.displayedMs() })}
        >
          {action.pending === decision ? t('task.sending') : label}
        </Button>
        {children}
      </div>
    </div>
  );
}
