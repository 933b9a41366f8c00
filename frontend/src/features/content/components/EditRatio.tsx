import { useDeferredValue, useMemo } from 'react';
import { estimateAiShare } from '../../../lib/aiShare';
import { useI18n } from '../../../lib/i18n';

/**
 * The running share of the text that still comes from the AI draft, and so how much was edited
 * (an estimate for the person: the server measures the share that decides the disclosure).
 */
export function EditRatio({ draft, text }: { draft: string; text: string }) {
  const { t, locale } = useI18n();
  const deferred = useDeferredValue(text);
  const share = useMemo(() => (draft ? estimateAiShare(draft, deferred) : null), [draft, deferred]);
  if (share === null) return null;
  const percent = Math.round(share * 100);
  const fmt = (n: number) => new Intl.NumberFormat(locale).format(n);
  return (
    <p className="ai-share" data-testid="edit-ratio">
      <span className="meter" aria-hidden="true">
        <span className="meter-fill" style={{ width: `${percent}%` }} />
      </span>
      <span>
        {t('task.aiShare', { percent: fmt(percent) })} · {t('task.edited', { percent: fmt(100 - percent) })}
      </span>
    </p>
  );
}
