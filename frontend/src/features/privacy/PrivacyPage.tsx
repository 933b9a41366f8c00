import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextAreaField, TextField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableWrap } from '../../components/TableWrap';
import { ApiError } from '../../lib/api';
import { formatTimestamp } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/useQuery';
import { privacyApi, type AuditSummary, type Erasure, type ErasurePreview, type KeptItem } from './api';
import { usePt } from './text';

/**
 * The data protection officer's screen (issue 16): erase a member's personal data on request, in one
 * action with its reason, after seeing what it touches and what the law keeps; the erasures done;
 * and the verification of every audit chain.
 */
export function PrivacyPage() {
  const pt = usePt();
  const list = useQuery('privacy-erasures', (signal) => privacyApi.erasures(signal));
  return (
    <>
      <PageTitle title={pt('privacy.title')}>{pt('privacy.title')}</PageTitle>
      <p>{pt('privacy.intro')}</p>
      <ErasureForm onErased={list.reload} />
      {list.loading && !list.data ? <Loading /> : null}
      <ErrorMessage error={list.error} onRetry={list.reload} />
      {list.data ? (
        <>
          <KeptByLaw items={list.data.keptByLaw} />
          <ErasureHistory erasures={list.data.erasures} />
        </>
      ) : null}
      <AuditVerification />
    </>
  );
}

function ErasureForm({ onErased }: { onErased: () => void }) {
  const pt = usePt();
  const [memberId, setMemberId] = useState('');
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<ErasurePreview | null>(null);
  const [done, setDone] = useState<Erasure | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};

  const check = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(null);
    try {
      setPreview(await privacyApi.preview(memberId.trim()));
    } catch (err) {
      setPreview(null);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const erase = async () => {
    if (!preview) return;
    setBusy(true);
    setError(undefined);
    try {
      setDone(await privacyApi.erase({ memberId: preview.memberId, reason }));
      setPreview(null);
      setMemberId('');
      setReason('');
      onErased();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="erase-title">
      <h2 id="erase-title">{pt('privacy.erase')}</h2>
      <form onSubmit={check} noValidate>
        <TextField
          label={pt('privacy.memberId')}
          hint={pt('privacy.memberIdHint')}
          value={memberId}
          onChange={(e) => {
            setMemberId(e.target.value);
            setPreview(null);
          }}
          required
          maxLength={32}
          error={fieldErrors.memberId}
        />
        <Button type="submit" variant="secondary" busy={busy && !preview}>
          {pt('privacy.check')}
        </Button>
      </form>
      <ErrorMessage error={Object.keys(fieldErrors).length > 0 ? undefined : error} />
      {preview ? (
        <div data-testid="erasure-preview">
          <p className="strong">
            {pt('privacy.preview', { cases: preview.cases, member: preview.memberId, open: preview.openCases })}
          </p>
          <TextAreaField
            label={pt('privacy.reason')}
            hint={pt('privacy.reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            rows={3}
            maxLength={500}
            error={fieldErrors.reason}
          />
          <Button variant="danger" onClick={erase} busy={busy}>
            {pt('privacy.erase')}
          </Button>
        </div>
      ) : null}
      {done ? (
        <p role="status" className="alert alert-success">
          {pt('privacy.done', { id: done.id, cases: done.caseIds.length })}
        </p>
      ) : null}
    </section>
  );
}

function KeptByLaw({ items }: { items: KeptItem[] }) {
  const pt = usePt();
  const { lang } = useI18n();
  return (
    <section className="panel" aria-labelledby="kept-title">
      <h2 id="kept-title">{pt('privacy.kept')}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.ground}>
            {lang === 'en' ? item.whatEn : item.whatFr} <span className="muted small">({item.ground})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ErasureHistory({ erasures }: { erasures: Erasure[] }) {
  const pt = usePt();
  const { locale } = useI18n();
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{pt('privacy.history')}</h2>
      {erasures.length === 0 ? (
        <p className="muted">{pt('privacy.history.empty')}</p>
      ) : (
        <TableWrap label={pt('privacy.history')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{pt('privacy.col.date')}</th>
                <th scope="col">{pt('privacy.col.kind')}</th>
                <th scope="col">{pt('privacy.col.member')}</th>
                <th scope="col">{pt('privacy.col.reason')}</th>
                <th scope="col">{pt('privacy.col.by')}</th>
                <th scope="col">{pt('privacy.col.cases')}</th>
              </tr>
            </thead>
            <tbody>
              {erasures.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.erasedAt}>{formatTimestamp(e.erasedAt, locale)}</time>
                  </td>
                  <td>{pt(`privacy.kind.${e.kind}`)}</td>
                  <td>{e.memberId ?? '—'}</td>
                  <td>{e.reason}</td>
                  <td>{e.requestedBy}</td>
                  <td>{e.caseIds.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function AuditVerification() {
  const pt = usePt();
  const [summary, setSummary] = useState<AuditSummary | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setSummary(await privacyApi.verifyAudit());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="audit-verify-title">
      <h2 id="audit-verify-title">{pt('privacy.audit')}</h2>
      <Button variant="secondary" onClick={verify} busy={busy}>
        {pt('privacy.audit.verify')}
      </Button>
      <ErrorMessage error={error} />
      {summary ? (
        summary.broken.length === 0 ? (
          <p role="status" className="alert alert-success" data-testid="audit-summary">
            {pt('privacy.audit.valid', { cases: summary.cases, entries: summary.entries, erased: summary.erasedEntries })}
          </p>
        ) : (
          <p role="alert" className="alert alert-error" data-testid="audit-summary">
            {pt('privacy.audit.broken', {
              count: summary.broken.length,
              cases: summary.broken.map((b) => b.caseId).join(', '),
            })}
          </p>
        )
      ) : null}
    </section>
  );
}
