import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDateTime, formatPercent } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { transparencyApi, type ProvenanceCheck } from './api';
import { has, useTt } from './text';

/** Ten megabytes: the largest PDF the check accepts. */
const MAX_BYTES = 10 * 1024 * 1024;

/**
 * « Vérifier un contenu »: anyone pastes a text they received, its provenance record, or drops the PDF
 * letter; the server says whether we sent it, unchanged, and what its signed record states.
 */
export function VerifyContent() {
  const tt = useTt();
  const [text, setText] = useState('');
  const [record, setRecord] = useState('');
  const [document, setDocument] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [result, setResult] = useState<ProvenanceCheck | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const onFile = (file: File | undefined) => {
    setFileError(null);
    setDocument(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileError(tt('verify.tooBig'));
      return;
    }
    setDocument(file);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(
        document
          ? await transparencyApi.verifyDocument(document)
          : await transparencyApi.verify({
              text: text.trim() ? text : undefined,
              record: record.trim() ? record.trim() : undefined,
            }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="verify-title" className="card">
      <h2 id="verify-title">{tt('verify.title')}</h2>
      <p>{tt('verify.intro')}</p>
      <form className="verify-form" onSubmit={submit}>
        <p>
          <label htmlFor="verify-text">{tt('verify.text')}</label>
          <textarea id="verify-text" value={text} onChange={(e) => setText(e.target.value)} />
        </p>
        <p>
          <label htmlFor="verify-record">{tt('verify.record')}</label>
          <textarea id="verify-record" value={record} onChange={(e) => setRecord(e.target.value)} rows={3} />
        </p>
        <p>
          <label htmlFor="verify-document">{tt('verify.document')}</label>{' '}
          <input id="verify-document" type="file" accept="application/pdf" onChange={(e) => onFile(e.target.files?.[0])} />
          {fileError ? <span className="field-error" role="alert"> {fileError}</span> : null}
        </p>
        <button type="submit" className="button" disabled={busy || (!text.trim() && !record.trim() && !document)}>
          {busy ? tt('verify.checking') : tt('verify.submit')}
        </button>
      </form>
      <ErrorMessage error={error} />
      {result ? <Result check={result} /> : null}
      <p className="small">
        <a href="/api/public/provenance/keys">{tt('verify.keys')}</a>
      </p>
    </section>
  );
}

function Result({ check }: { check: ProvenanceCheck }) {
  const tt = useTt();
  const { locale } = useI18n();
  const ok = check.outcome === 'AUTHENTIC' || check.outcome === 'RECORD_ONLY';
  const r = check.record;
  const sourceType = r?.digitalSourceType?.split('/').pop() ?? null;
  return (
    <div className={`verify-result alert ${ok ? 'alert-success' : 'alert-warning'}`} role="status" data-testid="verify-result">
      <p>
        <strong>{tt(`verify.outcome.${check.outcome}` as 'verify.outcome.UNKNOWN')}</strong> — {check.message}
      </p>
      {r ? (
        <dl className="facts">
          <div>
            <dt>{tt('verify.issuer')}</dt>
            <dd>{r.issuer}</dd>
          </div>
          <div>
            <dt>{tt('verify.issuedAt')}</dt>
            <dd>{formatDateTime(r.issuedAt, locale)}</dd>
          </div>
          {r.useCaseName ? (
            <div>
              <dt>{tt('verify.useCase')}</dt>
              <dd>{r.useCaseName}</dd>
            </div>
          ) : null}
          <div>
            <dt>{tt('verify.category')}</dt>
            <dd>{r.category && has(`meaning.${r.category}`) ? tt(`meaning.${r.category}` as 'meaning.HUMAN') : r.category}</dd>
          </div>
          <div>
            <dt>{tt('verify.label')}</dt>
            <dd>{r.label ? <q lang="fr">{r.label}</q> : tt('verify.noLabel')}</dd>
          </div>
          {r.aiShare !== null ? (
            <div>
              <dt>{tt('verify.aiShare')}</dt>
              <dd>{formatPercent(r.aiShare, locale)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{tt('verify.validated')}</dt>
            <dd>
              {r.validatedByEmployee ? tt('yes') : tt('no')}
              {r.validatedAt ? ` ${tt('verify.validatedAt', { date: formatDateTime(r.validatedAt, locale) })}` : ''}
            </dd>
          </div>
          {r.model ? (
            <div>
              <dt>{tt('verify.model')}</dt>
              <dd>{r.model}</dd>
            </div>
          ) : null}
          {sourceType ? (
            <div>
              <dt>{tt('verify.sourceType')}</dt>
              <dd>
                <code>{sourceType}</code>
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
    </div>
  );
}
