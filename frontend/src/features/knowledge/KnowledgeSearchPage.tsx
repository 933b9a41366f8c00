import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField, TextField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { ApiError } from '../../lib/api';
import { formatPercent } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { knowledgeApi, type SearchResult } from './api';
import { formatDay, useKt } from './text';

interface Search {
  q: string;
  collection: string;
  k: number;
}

/**
 * The knowledge base searched as the AI step searches it (French full-text search re-ranked by the
 * embedding model): the passages a draft would be given for this question, best first, with their
 * source and whether it is stale.
 */
export function KnowledgeSearchPage() {
  const kt = useKt();
  const [form, setForm] = useState<Search>({ q: '', collection: '', k: 5 });
  const [search, setSearch] = useState<Search | null>(null);
  const [invalid, setInvalid] = useState<string>();
  const documents = useQuery('knowledge-collections', (signal) => knowledgeApi.documents('', signal));
  const collections = [...new Set((documents.data ?? []).map((d) => d.collection))].sort();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.q.trim()) {
      setInvalid(kt('search.required'));
      document.querySelector<HTMLElement>('[name="q"]')?.focus();
      return;
    }
    setInvalid(undefined);
    setSearch({ ...form, q: form.q.trim() });
  };

  return (
    <>
      <PageTitle title={kt('search.title')}>{kt('search.title')}</PageTitle>
      <p className="muted">{kt('search.intro')}</p>
      <form className="form card" role="search" onSubmit={submit} noValidate>
        <TextField
          label={kt('search.q')}
          name="q"
          type="search"
          hint={kt('search.qHint')}
          value={form.q}
          onChange={(e) => setForm({ ...form, q: e.target.value })}
          maxLength={2000}
          required
          error={invalid}
        />
        <div className="two-columns">
          <SelectField label={kt('list.filter.collection')} value={form.collection} onChange={(e) => setForm({ ...form, collection: e.target.value })}>
            <option value="">{kt('list.filter.allCollections')}</option>
            {collections.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </SelectField>
          <SelectField label={kt('search.k')} value={String(form.k)} onChange={(e) => setForm({ ...form, k: Number(e.target.value) })}>
            {[3, 5, 10, 20].map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="form-actions">
          <Button type="submit">{kt('search.submit')}</Button>
        </div>
      </form>
      {search ? <Results key={`${search.q}|${search.collection}|${search.k}`} search={search} /> : null}
      <p className="back-link">
        <Link to="/knowledge">{kt('back')}</Link>
      </p>
    </>
  );
}

function Results({ search }: { search: Search }) {
  const kt = useKt();
  const { locale } = useI18n();
  const { data, error, loading, reload } = useQuery<SearchResult>(`knowledge-search`, (signal) =>
    knowledgeApi.search(search.q, search.collection, search.k, signal),
  );
  const message = error instanceof ApiError && error.fieldErrors.q ? error.fieldErrors.q : error;
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{kt('search.results')}</h2>
      {loading ? <Loading /> : null}
      <ErrorMessage error={message} onRetry={reload} />
      {data ? (
        <p role="status" className="field-hint">
          {data.passages.length === 0 ? kt('search.none') : kt('search.count', { count: data.passages.length })}
        </p>
      ) : null}
      {data && data.passages.length > 0 ? (
        <ol className="source-list" data-testid="search-results">
          {data.passages.map((p) => (
            <li key={p.passageId} className="source" data-reference={p.reference}>
              <h3 className="small">
                <Link to={`/knowledge/documents/${encodeURIComponent(p.reference)}`}>
                  {p.reference} v{p.documentVersion} — {p.title}
                </Link>
                {p.heading ? ` › ${p.heading}` : ''}
                {p.stale ? <span className="tag tag-warning">{kt('search.stale', { date: formatDay(p.lastReviewed) })}</span> : null}
              </h3>
              <p className="muted small">{kt('search.score', { score: formatPercent(p.score, locale) })}</p>
              <p className="source-excerpt">{p.text}</p>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
