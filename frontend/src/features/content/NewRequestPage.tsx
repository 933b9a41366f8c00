import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { ApiError, type FieldErrors } from '../../lib/api';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { placeFieldErrors } from '../../lib/fieldErrors';
import { useQuery } from '../../lib/useQuery';
import { fetchUseCases } from '../../lib/useCases';
import { createCase, type NewCase } from './api';
import { MemberPicker } from './MemberPicker';

type TextFieldName = 'useCaseKey' | 'memberId' | 'subject' | 'message';
const FIELDS: TextFieldName[] = ['useCaseKey', 'memberId', 'subject', 'message'];

export function validateNewCase(form: NewCase, memberRequired = true): Partial<Record<TextFieldName, MessageKey>> {
  const errors: Partial<Record<TextFieldName, MessageKey>> = {};
  for (const field of FIELDS) {
    if (field === 'memberId' && !memberRequired) continue;
    if (!form[field].trim()) errors[field] = `request.required.${field}` as MessageKey;
  }
  return errors;
}

export function NewRequestPage() {
  const { t, lang } = useI18n();
  const { data: useCases, error: useCasesError, reload } = useQuery('use-cases', (signal) => fetchUseCases(signal));
  const [form, setForm] = useState<NewCase>({ useCaseKey: '', memberId: '', subject: '', message: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(undefined);
  const [submitError, setSubmitError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  // With a single use case there is nothing to choose.
  const useCaseKey = form.useCaseKey || (useCases?.length === 1 ? useCases[0].key : '');
  // the AMI assistant answers a question about the rules: no member is concerned
  const memberRequired = useCases?.find((u) => u.key === useCaseKey)?.memberRequired !== false;
  // « sans IA » (proposal 15): for the contents an adviser can write by hand
  const handWritable = useCases?.find((u) => u.key === useCaseKey)?.handWritable === true;

  const set = (field: 'subject' | 'message' | 'memberId' | 'useCaseKey' | 'withoutAiReason') => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setFieldErrors((errors) => {
      if (!errors[field]) return errors;
      const rest = { ...errors };
      delete rest[field];
      return rest;
    });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body: NewCase = {
      ...form,
      useCaseKey,
      memberId: memberRequired ? form.memberId : '',
      subject: form.subject.trim(),
      message: form.message.trim(),
      withoutAi: undefined,
      withoutAiReason: undefined,
      // sent only when chosen: a request for the AI's draft stays as it always was
      ...(handWritable && form.withoutAi ? { withoutAi: true, withoutAiReason: form.withoutAiReason?.trim() || undefined } : {}),
    };
    const invalid = validateNewCase(body, memberRequired);
    if (Object.keys(invalid).length > 0) {
      setFieldErrors(Object.fromEntries(Object.entries(invalid).map(([k, key]) => [k, t(key)])));
      setError(t('request.invalid'));
      setSubmitError(undefined);
      const first = FIELDS.find((f) => invalid[f]);
      if (first) document.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    setSubmitError(undefined);
    setFieldErrors({});
    try {
      const created = await createCase(body);
      navigate(`/cases/${created.id}`, { state: created });
    } catch (e) {
      // refusals about a field shown here go next to it (the server's summary on top); any other
      // refusal (a use case switched off, a field this form does not show) next to the button
      const shown: string[] = FIELDS.filter((f) => f !== 'memberId' || memberRequired);
      if (handWritable) shown.push('withoutAi', 'withoutAiReason');
      const placed = placeFieldErrors(e, shown);
      setFieldErrors(placed.fieldErrors);
      const first = shown.find((f) => placed.fieldErrors[f]);
      setError(first && e instanceof ApiError ? e.message : undefined);
      setSubmitError(placed.error);
      if (first) document.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      setBusy(false);
    }
  };

  return (
    <div className="narrow-wide">
      <PageTitle title={t('request.title')}>{t('request.title')}</PageTitle>
      <p className="muted">{t('request.intro')}</p>
      <form className="form card" onSubmit={onSubmit} noValidate>
        <ErrorMessage error={error} />
        <ErrorMessage error={useCasesError} onRetry={reload} />
        <SelectField
          label={t('request.useCase')}
          name="useCaseKey"
          value={useCaseKey}
          onChange={(e) => set('useCaseKey')(e.target.value)}
          error={fieldErrors.useCaseKey}
          required
          hint={useCases?.find((u) => u.key === useCaseKey)?.description ?? undefined}
        >
          <option value="">{t('request.choose')}</option>
          {(useCases ?? []).map((u) => (
            <option key={u.key} value={u.key}>
              {lang === 'en' && u.nameEn ? u.nameEn : u.name}
            </option>
          ))}
        </SelectField>
        {memberRequired && (
          <MemberPicker value={form.memberId} onChange={set('memberId')} error={fieldErrors.memberId} />
        )}
        <TextField
          label={t('request.subject')}
          name="subject"
          value={form.subject}
          onChange={(e) => set('subject')(e.target.value)}
          error={fieldErrors.subject}
          required
          maxLength={200}
        />
        <TextAreaField
          label={t(memberRequired ? 'request.message' : 'request.question')}
          name="message"
          hint={t(memberRequired ? 'request.messageHint' : 'request.questionHint')}
          value={form.message}
          onChange={(e) => set('message')(e.target.value)}
          error={fieldErrors.message}
          required
          rows={8}
        />
        {handWritable && (
          <fieldset className="field">
            <legend>{t('request.withoutAi.legend')}</legend>
            <label className="checkbox">
              <input
                type="checkbox"
                name="withoutAi"
                checked={form.withoutAi === true}
                onChange={(e) => setForm((f) => ({ ...f, withoutAi: e.target.checked }))}
              />{' '}
              {t('request.withoutAi')}
            </label>
            {fieldErrors.withoutAi ? <p className="field-error">{fieldErrors.withoutAi}</p> : null}
            {form.withoutAi ? (
              <TextField
                label={t('request.withoutAiReason')}
                name="withoutAiReason"
                hint={t('request.withoutAiReasonHint')}
                value={form.withoutAiReason ?? ''}
                onChange={(e) => set('withoutAiReason')(e.target.value)}
                error={fieldErrors.withoutAiReason}
                maxLength={300}
              />
            ) : null}
          </fieldset>
        )}
        <ErrorMessage error={submitError} />
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {busy ? t('request.submitting') : t('request.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
