import { formatDateTime, formatPercent } from '../../../lib/format';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import type { CaseView, DeliveryView } from '../../../types/api';

/**
 * The content exactly as the member receives it, with the disclosure, who is accountable, and how it
 * leaves: « à envoyer » while the mail server has not accepted it, then sent; the letter's PDF and the
 * signed provenance record it carries.
 */
export function DisclosedLetter({ view }: { view: CaseView }) {
  const { t, locale } = useI18n();
  const disclosure = view.disclosure;
  const label = disclosure?.label?.trim();
  const toSend = view.status === 'TO_SEND';
  const sourceType = disclosure?.digitalSourceType?.split('/').pop();
  return (
    <section className="panel panel-final" aria-labelledby="final-title">
      <h2 id="final-title">{toSend ? t('case.finalToSend') : t('case.final')}</h2>
      <p className="muted small">{t('case.finalIntro')}</p>
      {view.delivery ? <Delivery caseId={view.id} delivery={view.delivery} /> : null}
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
        {sourceType ? (
          <div>
            <dt>{t('delivery.sourceType')}</dt>
            <dd data-testid="source-type">{t(`delivery.sourceType.${sourceType}` as MessageKey)}</dd>
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
      {disclosure?.provenance ? (
        <details className="provenance">
          <summary>{t('delivery.provenance')}</summary>
          <p className="muted small">{t('delivery.provenanceHint')}</p>
          <pre className="provenance-record" data-testid="provenance-record">
            {disclosure.provenance}
          </pre>
        </details>
      ) : null}
    </section>
  );
}

function Delivery({ caseId, delivery }: { caseId: number; delivery: DeliveryView }) {
  const { t, locale } = useI18n();
  return (
    <div className="delivery" data-testid="delivery">
      {delivery.status === 'TO_SEND' ? (
        <div className="alert alert-warning" role="status">
          <p>{t('delivery.toSend', { attempts: delivery.attempts })}</p>
          {delivery.incident ? <p>{t('delivery.incident')}</p> : null}
          {delivery.lastError ? <p className="small">{t('delivery.lastError', { error: delivery.lastError })}</p> : null}
        </div>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t('delivery.channel')}</dt>
          <dd>{t(`delivery.channel.${delivery.channel}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t('delivery.recipient')}</dt>
          <dd>{t(`delivery.recipient.${delivery.recipient}` as MessageKey)}</dd>
        </div>
        {delivery.sentAt ? (
          <div>
            <dt>{t('delivery.sentAt')}</dt>
            <dd>{formatDateTime(delivery.sentAt, locale)}</dd>
          </div>
        ) : null}
      </dl>
      {delivery.document ? (
        <p>
          <a href={`/api/cases/${caseId}/document`} download>
            {t('delivery.document')}
          </a>
        </p>
      ) : null}
    </div>
  );
}
