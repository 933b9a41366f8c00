import { useI18n } from '../../lib/i18n';
import type { FullDisplay } from '../../lib/task/useFullDisplay';

/** What is left to display before accepting or approving, announced as it changes. */
export function DisplayChecklist({ display, sources, id }: { display: FullDisplay; sources: number; id: string }) {
  const { t } = useI18n();
  return (
    <div className={display.complete ? 'display-checklist display-done' : 'display-checklist'} id={id} role="status" data-testid="display-checklist">
      {display.complete ? (
        <p>{t('display.done')}</p>
      ) : (
        <>
          <p className="strong">{t('display.intro')}</p>
          <ul>
            <li>{display.endSeen ? t('display.endSeen') : t('display.scroll')}</li>
            {sources > 0 ? (
              <li>{t('display.sources', { opened: sources - display.missingSources, total: sources })}</li>
            ) : null}
          </ul>
        </>
      )}
    </div>
  );
}
