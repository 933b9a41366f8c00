import { formatDateTime, formatPercent } from '../../../lib/format';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import type { CaseView } from '../../../types/api';

/** The letter exactly as the member received it, with the disclosure and who is accountable. */
export function DisclosedLetter({ view }: { view: CaseView }) {
  const { t, locale } = useI18n();
  const disclosure = view.disclosure;
  const label = disclosure?.label?.trim();
  return (
    <section className="panel panel-final" aria-labelledby="final-title">
      <h2 id="final-title">{t('case.final')}</h2>
      <p className="muted small">{t('case.finalIntro')}</p>
      <div className="letter letter-final" data-testid="disclosed-text">
        {view.disclosedText ?? view.finalText ?? ''}
      </div>
      <dl className="facts">
        <div>
          <dt>{t('case.disclosure')}</dt>
          <dd>
            <span className={label ? 'disclosure-label' : 'disclosure-label disclosure-none'} data-testid="disclosure-label">
              {label || t('case.disclosureNone')}
            </span>
          </dd>
        </div>
        {disclosure ? (
          <div>
            <dt>{t('case.disclosureCategory')}</dt>
            <dd>{t(`disclosure.${disclosure.category}` as MessageKey)}</dd>
          </div>
        ) : null}
        {view.aiShare !== null && view.aiShare !== undefined ? (
          <div>
            <dt>{t('case.aiShare')}</dt>
            <dd>{formatPercent(view.aiShare, locale)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('case.approvedBy')}</dt>
          <dd>{view.approvedBy ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('case.approvedAt')}</dt>
          <dd>{formatDateTime(view.approvedAt, locale)}</dd>
        </div>
      </dl>
    </section>
  );
}
