import { useT } from '../../lib/i18n';
import type { CaseView } from '../../types/api';

/** Why the case came back to this step: the reason or instruction of the latest decision. */
export function LastDecisionNote({ view }: { view: CaseView }) {
  const t = useT();
  const last = view.decisions?.at(-1);
  if (!last) return null;
  let text: string | null = null;
  if (last.decision === 'RETURN' && last.reason) text = t('task.returnedBy', { by: last.by, reason: last.reason });
  else if (last.decision === 'REJECT' && last.reason) text = t('task.rejectedBy', { by: last.by, reason: last.reason });
  else if (last.decision === 'REGENERATE' && last.instruction) {
    text = t('task.regeneratedBy', { by: last.by, instruction: last.instruction });
  }
  if (!text) return null;
  return (
    <div className="alert alert-info" data-testid="last-decision">
      <p>{text}</p>
    </div>
  );
}
