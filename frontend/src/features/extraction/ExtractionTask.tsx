import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/useQuery';
import type { TaskDetail } from '../../types/api';
import { TaskHeader } from '../../components/task/TaskHeader';
import { useTaskAction } from '../../lib/task/useTaskAction';
import { decideField, fetchFields, type ExtractedField, type FieldStatus } from './api';

/** verifyFields and enterFields: each field beside its source, confirmed, corrected or marked absent. */
export function ExtractionTask({ detail, mode }: { detail: TaskDetail; mode: 'verify' | 'enter' }) {
  const { t } = useI18n();
  const { task } = detail;
  const { data, error, loading, reload } = useQuery(`fields-${task.id}`, (signal) => fetchFields(task.id, signal));
  const [updated, setUpdated] = useState<Record<string, ExtractedField>>({});
  const action = useTaskAction(task, detail.case.id, ['value']);
  const document = detail.case.message ?? '';

  const fields = (data?.fields ?? []).map((f) => updated[f.name] ?? f);
  const decided = fields.filter((f) => f.status !== 'PENDING').length;
  const total = fields.length;

  const decide = (field: ExtractedField, value: string | null, status: FieldStatus) =>
    action.run(`${field.name}-${status}`, async () => {
      const saved = await decideField(task.id, field.name, value, status);
      setUpdated((u) => ({ ...u, [saved.name]: saved }));
    });

  return (
    <>
      <TaskHeader task={task} />
      <div className="stack">
        <p>{mode === 'enter' ? t('extraction.introManual') : t('extraction.intro')}</p>
        {data ? <p className="muted" data-testid="producer-label">{data.producerLabel}</p> : null}
        <section aria-labelledby="extraction-document-title">
          <h2 id="extraction-document-title">{t('extraction.document')}</h2>
          <pre className="document-text">{document}</pre>
        </section>
        <section aria-labelledby="extraction-fields-title">
          <h2 id="extraction-fields-title">{t('extraction.fields')}</h2>
          <p role="status" aria-live="polite">
            {t('extraction.progress', { decided: String(decided), total: String(total) })}
          </p>
          {loading && !data ? <Loading /> : null}
          <ErrorMessage error={error} onRetry={reload} />
          <ul className="extraction-fields">
            {fields.map((f) => (
              <FieldRow key={f.name} field={f} document={document} busy={action.busy} onDecide={decide} />
            ))}
          </ul>
        </section>
        <ErrorMessage error={action.error} />
        <p>
          <button
            type="button"
            className="button button-primary"
            disabled={total === 0 || decided < total || action.busy}
            onClick={() => void action.complete({ decision: 'SUBMIT' })}
          >
            {t('extraction.submit')}
          </button>
        </p>
      </div>
    </>
  );
}

function FieldRow({
  field,
  document,
  busy,
  onDecide,
}: {
  field: ExtractedField;
  document: string;
  busy: boolean;
  onDecide: (field: ExtractedField, value: string | null, status: FieldStatus) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(field.value ?? field.aiValue ?? '');
  const inputId = `field-${field.name}`;
  const hasSource = field.sourceStart !== null && field.sourceEnd !== null;
  return (
    <li className="extraction-field" data-field={field.name} data-status={field.status}>
      <div className="extraction-source">
        <span className="muted">{t('extraction.source')} : </span>
        {hasSource ? (
          <SourceExcerpt document={document} start={field.sourceStart!} end={field.sourceEnd!} />
        ) : (
          <em>{t('extraction.sourceNotFound')}</em>
        )}
      </div>
      <label htmlFor={inputId}>
        {t('extraction.value', { label: field.label })}
        {field.optional ? ` (${t('extraction.optional')})` : ''}
      </label>
      <input id={inputId} name={`value-${field.name}`} value={value} onChange={(e) => setValue(e.target.value)} />
      <p className="muted">
        {field.aiValue !== null ? t('extraction.aiValue', { value: field.aiValue }) : t('extraction.noAiValue')} ·{' '}
        <strong>{t(`extraction.status.${field.status}`)}</strong>
      </p>
      <div className="button-row" role="group" aria-label={field.label}>
        <button type="button" disabled={busy || field.aiValue === null} onClick={() => void onDecide(field, null, 'VERIFIED')}>
          {t('extraction.confirm')}
        </button>
        <button type="button" disabled={busy} onClick={() => void onDecide(field, value, 'CORRECTED')}>
          {t('extraction.correct')}
        </button>
        <button type="button" disabled={busy} onClick={() => void onDecide(field, null, 'ABSENT')}>
          {t('extraction.absent')}
        </button>
      </div>
    </li>
  );
}

/** The passage around the value, the value itself highlighted. */
function SourceExcerpt({ document, start, end }: { document: string; start: number; end: number }) {
  const from = Math.max(0, start - 60);
  const to = Math.min(document.length, end + 60);
  return (
    <span className="source-excerpt">
      {from > 0 ? '…' : ''}
      {document.slice(from, start)}
      <mark>{document.slice(start, end)}</mark>
      {document.slice(end, to)}
      {to < document.length ? '…' : ''}
    </span>
  );
}
