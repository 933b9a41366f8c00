import { useI18n } from '../lib/i18n';
import type { Draft } from '../types/api';

/** The words that say who produced a draft: the server's label in French, a translation otherwise. */
export function useProducerLabel(draft: Pick<Draft, 'producer' | 'model' | 'producerLabel'>): string {
  const { t, lang } = useI18n();
  if (lang === 'fr' && draft.producerLabel) return draft.producerLabel;
  if (draft.producer === 'OFFLINE') return t('ai.offline');
  return draft.model ? t('ai.model', { model: draft.model }) : t('ai.modelUnknown');
}

function SparkIcon() {
  return (
    <svg className="ai-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 2l1.9 5.6L19.5 9.5l-5.6 1.9L12 17l-1.9-5.6L4.5 9.5l5.6-1.9L12 2zm7 11l.95 2.55L22.5 16.5l-2.55.95L19 20l-.95-2.55-2.55-.95 2.55-.95L19 13zM5 14l.7 1.8 1.8.7-1.8.7L5 19l-.7-1.8-1.8-.7 1.8-.7L5 14z"
      />
    </svg>
  );
}

/** The unmistakable marker put on any machine-produced content. */
export function AiBadge({ draft }: { draft: Pick<Draft, 'producer' | 'model' | 'producerLabel'> }) {
  const label = useProducerLabel(draft);
  const { t } = useI18n();
  return (
    <p className={`ai-badge ai-badge-${draft.producer.toLowerCase()}`} data-testid="ai-marker" title={t('ai.marker')}>
      <SparkIcon />
      <span>{label}</span>
    </p>
  );
}
