import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextAreaField, TextField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { ApiError, type FieldErrors } from '../../lib/api';
import { placeFieldErrors } from '../../lib/fieldErrors';
import { Link, navigate } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { knowledgeApi, type DocumentInput, type KnowledgeDocumentDetail } from './api';
import { FileImport } from './FileImport';
import { useKt, type KnowledgeNotice } from './text';

type Form = Record<keyof DocumentInput, string>;

const FIELDS: (keyof DocumentInput)[] = [
  'reference',
  'collection',
  'title',
  'owner',
  'ownerGroup',
  'reviewIntervalDays',
  'lastReviewed',
  'body',
];

const EMPTY: Form = {
  reference: '',
  collection: '',
  title: '',
  body: '',
  owner: '',
  ownerGroup: '',
  lastReviewed: '',
  reviewIntervalDays: '365',
};

function formOf(detail: KnowledgeDocumentDetail): Form {
  const d = detail.document;
  return {
    reference: d.reference,
    collection: d.collection,
    title: d.title,
    body: detail.body,
    owner: d.owner,
    ownerGroup: d.ownerGroup,
    // saving counts as today's review unless the person gives another date
    lastReviewed: '',
    reviewIntervalDays: String(d.reviewIntervalDays),
  };
}

/** A new document (`reference` undefined) or an existing one, edited: AI referents and administrators. */
export function KnowledgeEditPage({ reference }: { reference?: string }) {
  const kt = useKt();
  const title = reference ? kt('edit.title', { reference }) : kt('edit.newTitle');
  return (
    <div className="narrow-wide">
      <PageTitle title={title}>{title}</PageTitle>
      <p className="muted">{kt('edit.intro')}</p>
      {reference ? <ExistingDocument reference={reference} /> : <DocumentForm initial={EMPTY} />}
      <p className="back-link">
        <Link to={reference ? `/knowledge/documents/${encodeURIComponent(reference)}` : '/knowledge'}>{kt('back')}</Link>
      </p>
    </div>
  );
}

function ExistingDocument({ reference }: { reference: string }) {
  const existing = useQuery(`knowledge-edit-${reference}`, (signal) => knowledgeApi.document(reference, signal));
  return (
    <>
      {existing.loading ? <Loading /> : null}
      <ErrorMessage error={existing.error} onRetry={existing.reload} />
      {existing.data ? <DocumentForm reference={reference} initial={formOf(existing.data)} /> : null}
    </>
  );
}

function DocumentForm({ reference, initial }: { reference?: string; initial: Form }) {
  const kt = useKt();
  const [form, setForm] = useState<Form>(initial);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const set = (field: keyof Form) => (e: { target: { value: string } }) => {
    const value = e.target.value;
    setForm((f) => ({ ...f, [field]: value }));
    setFieldErrors((errors) => {
      if (!errors[field]) return errors;
      const rest = { ...errors };
      delete rest[field];
      return rest;
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input: DocumentInput = {
      reference: form.reference.trim(),
      collection: form.collection.trim(),
      title: form.title.trim(),
      body: form.body,
      owner: form.owner.trim(),
      ownerGroup: form.ownerGroup.trim(),
      lastReviewed: form.lastReviewed || null,
      reviewIntervalDays: form.reviewIntervalDays.trim() === '' ? null : Number(form.reviewIntervalDays),
    };
    setBusy(true);
    setError(undefined);
    setFieldErrors({});
    try {
      const saved = reference ? await knowledgeApi.update(reference, input) : await knowledgeApi.create(input);
      const to = `/knowledge/documents/${encodeURIComponent(saved.document.reference)}`;
      navigate(to, { state: { message: kt('edit.saved', { passages: saved.passages.length }) } satisfies KnowledgeNotice });
    } catch (e) {
      const placed = placeFieldErrors(e, FIELDS);
      setFieldErrors(placed.fieldErrors);
      const first = FIELDS.find((f) => placed.fieldErrors[f]);
      setError(first && e instanceof ApiError ? e.message : placed.error);
      if (first) document.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      setBusy(false);
    }
  };

  return (
    <form className="form card" onSubmit={submit} noValidate>
      <ErrorMessage error={error} />
      <TextField
        label={kt('field.reference')}
        name="reference"
        hint={kt('field.referenceHint')}
        value={form.reference}
        onChange={set('reference')}
        readOnly={!!reference}
        required
        maxLength={64}
        error={fieldErrors.reference}
      />
      <TextField
        label={kt('field.collection')}
        name="collection"
        hint={kt('field.collectionHint')}
        value={form.collection}
        onChange={set('collection')}
        required
        maxLength={64}
        error={fieldErrors.collection}
      />
      <TextField
        label={kt('field.title')}
        name="title"
        value={form.title}
        onChange={set('title')}
        required
        maxLength={200}
        error={fieldErrors.title}
      />
      <TextField
        label={kt('field.owner')}
        name="owner"
        hint={kt('field.ownerHint')}
        value={form.owner}
        onChange={set('owner')}
        required
        maxLength={64}
        autoComplete="off"
        error={fieldErrors.owner}
      />
      <TextField
        label={kt('field.ownerGroup')}
        name="ownerGroup"
        hint={kt('field.ownerGroupHint')}
        value={form.ownerGroup}
        onChange={set('ownerGroup')}
        required
        maxLength={64}
        autoComplete="off"
        error={fieldErrors.ownerGroup}
      />
      <TextField
        label={kt('field.reviewIntervalDays')}
        name="reviewIntervalDays"
        type="number"
        min={1}
        max={3650}
        value={form.reviewIntervalDays}
        onChange={set('reviewIntervalDays')}
        required
        error={fieldErrors.reviewIntervalDays}
      />
      <TextField
        label={kt('field.lastReviewed')}
        name="lastReviewed"
        type="date"
        hint={kt('field.lastReviewedHint')}
        value={form.lastReviewed}
        onChange={set('lastReviewed')}
        error={fieldErrors.lastReviewed}
      />
      <FileImport
        disabled={busy}
        onRead={(read) => {
          setForm((f) => ({ ...f, body: read.body, title: f.title.trim() ? f.title : (read.title ?? f.title) }));
          setFieldErrors({});
        }}
      />
      <TextAreaField
        label={kt('field.body')}
        name="body"
        hint={kt('field.bodyHint')}
        value={form.body}
        onChange={set('body')}
        required
        rows={18}
        error={fieldErrors.body}
      />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {busy ? kt('edit.saving') : kt('edit.save')}
        </Button>
      </div>
    </form>
  );
}
