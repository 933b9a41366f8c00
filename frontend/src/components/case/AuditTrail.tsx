import { ErrorMessage } from '../ErrorMessage';
import { Loading } from '../Loading';
import { formatTimestamp } from '../../lib/format';
import { useI18n, useT, type MessageKey } from '../../lib/i18n';
import { useQuery } from '../../lib/useQuery';
import type { AuditEvent, AuditVerification } from '../../types/api';
import { actorKind, fetchAudit, parseDetails } from '../../lib/audit';

const KNOWN_TYPES = new Set([
  'REQUESTED',
  'WITHOUT_AI',
  'MODEL_CALL',
  'AI_FAILED',
  'DRAFTED',
  'HAND_DRAFTED',
  'REVIEW_DECISION',
  'EDIT_SAVED',
  'DRAFT_DISPLAYED',
  'APPROVED',
  'APPROVAL_REFUSED',
  'DISCLOSED',
  'DELIVERED',
  'TASK_CLAIMED',
  'TASK_UNCLAIMED',
  'TASK_HANDED_OVER',
  'TASK_DATES_CHANGED',
  'TASK_ESCALATED',
  'ERASED',
]);

/**
 * « Historique du dossier »: every recorded event of the case, oldest first, with whether its
 * hash chain still verifies. `refreshKey` changes when the case moves on, to fetch again.
 */
export function AuditTrail({ caseId, refreshKey }: { caseId: number; refreshKey: string }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useQuery(`audit-${caseId}-${refreshKey}`, (signal) => fetchAudit(caseId, signal));
  const broken = data && !data.verification.valid ? data.verification.firstBrokenSeq : null;

  return (
    <section className="panel" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      {loading && !data ? <Loading /> : null}
      <ErrorMessage error={error} onRetry={reload} />
      {data ? (
        <>
          <ChainVerification verification={data.verification} />
          {data.events.length === 0 ? (
            <p className="muted">{t('audit.empty')}</p>
          ) : (
            <ol className="audit-list" aria-labelledby="audit-title">
              {data.events.map((event) => (
                <AuditEntry key={event.id ?? event.seq} event={event} broken={broken !== null && event.seq === broken} />
              ))}
            </ol>
          )}
        </>
      ) : null}
    </section>
  );
}

function ChainVerification({ verification }: { verification: AuditVerification }) {
  const t = useT();
  if (verification.valid) {
    return (
      <div className="audit-verified" data-testid="audit-verification">
        <p className="audit-badge">
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z" />
          </svg>
          <span>{t('audit.valid')}</span>
        </p>
        <p className="muted small">{t('audit.validDetail', { count: verification.entries })}</p>
      </div>
    );
  }
  const seq = verification.firstBrokenSeq;
  return (
    <div className="alert alert-error" role="alert" data-testid="audit-verification">
      <p className="strong">{seq === null || seq === undefined ? t('audit.brokenUnknown') : t('audit.broken', { seq })}</p>
      <p>{t('audit.brokenHint')}</p>
    </div>
  );
}

function useActorLabel(actor: string): string {
  const t = useT();
  const who = actorKind(actor);
  if (who.kind === 'ai') return t('audit.actor.ai', { name: who.name });
  if (who.kind === 'system') return t('audit.actor.system');
  return who.name;
}

function AuditEntry({ event, broken }: { event: AuditEvent; broken: boolean }) {
  const { t, locale } = useI18n();
  const actor = useActorLabel(event.actor);
  const { entries, raw } = parseDetails(event.details);
  // what concerns a person is kept apart (its digest is in the chain), without the nonce that protects it
  const personal = parseDetails(event.personal).entries.filter(([key]) => key !== 'nonce');
  const type = KNOWN_TYPES.has(event.type) ? t(`audit.type.${event.type}` as MessageKey) : event.type;
  return (
    <li className={broken ? 'audit-event audit-event-broken' : 'audit-event'} data-testid="audit-event">
      <p className="audit-line">
        <span className="strong">{type}</span>
        <span className="muted">
          {' '}
          — {t('audit.actor', { actor })}, <time dateTime={event.occurredAt}>{formatTimestamp(event.occurredAt, locale)}</time>
        </span>
        {broken ? <span className="audit-broken-tag">{t('audit.brokenEntry')}</span> : null}
      </p>
      {event.erasedAt ? (
        <p className="muted small" data-testid="audit-erased">
          {t('audit.erased', { date: formatTimestamp(event.erasedAt, locale) })}
        </p>
      ) : null}
      {entries.length > 0 || raw || personal.length > 0 ? (
        <details className="audit-details">
          <summary>
            {t('audit.details')}
            <span className="visually-hidden"> — {type}</span>
          </summary>
          {raw ? <p className="audit-raw">{raw}</p> : null}
          {entries.length > 0 ? (
            <dl>
              {entries.map(([key, value]) => (
                <div key={key}>
                  <dt>{key}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {personal.length > 0 ? (
            <dl aria-label={t('audit.personal')}>
              {personal.map(([key, value]) => (
                <div key={key}>
                  <dt>{key}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </details>
      ) : null}
    </li>
  );
}
