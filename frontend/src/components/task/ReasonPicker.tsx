import { useI18n } from '../../lib/i18n';
import type { ReviewReason } from '../../types/api';

/**
 * The use case's structured reasons (factual error, tone…), chosen beside the free text of a
 * correction: they are stored with the decision and feed the quality loop (corrections dataset,
 * reviewers' agreement). Checkboxes in a fieldset; nothing shown when the use case has none.
 */
export function ReasonPicker({
  id,
  reasons,
  value,
  onChange,
  error,
}: {
  id: string;
  reasons: readonly ReviewReason[];
  value: readonly string[];
  onChange: (codes: string[]) => void;
  error?: string;
}) {
  const { t, lang } = useI18n();
  if (reasons.length === 0) return null;
  const toggle = (code: string, on: boolean) =>
    onChange(on ? [...value.filter((c) => c !== code), code] : value.filter((c) => c !== code));
  return (
    <fieldset className={`reason-picker${error ? ' field-invalid' : ''}`} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend>{t('reasons.legend')}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {t('reasons.hint')}
      </p>
      <div className="reason-options">
        {reasons.map((r) => (
          <label key={r.code} className="checkbox">
            <input
              type="checkbox"
              name="reasons"
              value={r.code}
              checked={value.includes(r.code)}
              onChange={(e) => toggle(r.code, e.target.checked)}
            />{' '}
            {lang === 'en' ? r.en : r.fr}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
