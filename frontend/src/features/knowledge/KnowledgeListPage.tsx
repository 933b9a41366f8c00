import { useEffect, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField, TextField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableWrap } from '../../components/TableWrap';
import { useAuth } from '../../lib/auth/context';
import { Link, takeNavigationState } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { knowledgeApi } from './api';
import { DocumentStatus } from './DocumentStatus';
import { canEditKnowledge, canSearchKnowledge, formatDay, useKt, type KnowledgeNotice } from './text';

export const FILTER_DEBOUNCE_MS = 300;

/**
 * The knowledge base: the documents the AI drafts from, filtered by text and collection, each with
 * its owner and review date; above them, the stale documents the person answers for and their
 * reviews. AI referents and administrators add documents from here.
 */
export function KnowledgeListPage() {
  const kt = useKt();
  const { user } = useAuth();
  const [notice] = useState(() => takeNavigationState<KnowledgeNotice>('/knowledge'));
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [collection, setCollection] = useState('');
  const [staleOnly, setStaleOnly] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), FILTER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const documents = useQuery(`knowledge-documents-${q}`, (signal) => knowledgeApi.documents(q, signal));
  const stale = useQuery('knowledge-stale', (signal) => knowledgeApi.stale(signal));
  const collections = [...new Set((documents.data ?? []).map((d) => d.collection))].sort();
  const shown = (documents.data ?? []).filter(
    (d) => (!collection || d.collection === collection) && (!staleOnly || d.stale),
  );

  return (
    <>
      <div className="page-head">
        <PageTitle title={kt('list.title')}>{kt('list.title')}</PageTitle>
        <div className="form-actions">
          {canSearchKnowledge(user) ? (
            <Link to="/knowledge/search" className="btn btn-secondary">
              {kt('list.search')}
            </Link>
          ) : null}
          {canEditKnowledge(user) ? (
            <Link to="/knowledge/new" className="btn btn-primary">
              {kt('list.new')}
            </Link>
          ) : null}
        </div>
      </div>
      <p className="muted">{kt('list.intro')}</p>
      {notice ? (
        <p className="alert alert-success" role="status">
          {notice.message}
        </p>
      ) : null}

      <section className="panel" aria-labelledby="knowledge-stale-title">
        <h2 id="knowledge-stale-title">{kt('stale.title')}</h2>
        <ErrorMessage error={stale.error} onRetry={stale.reload} />
        {stale.data && stale.data.length === 0 ? <p className="empty">{kt('stale.none')}</p> : null}
        {stale.data && stale.data.length > 0 ? (
          <TableWrap label={kt('stale.title')}>
            <table className="table" data-testid="stale-documents">
              <caption className="visually-hidden">{kt('stale.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{kt('col.document')}</th>
                  <th scope="col">{kt('col.reviewDue')}</th>
                  <th scope="col">{kt('col.review')}</th>
                </tr>
              </thead>
              <tbody>
                {stale.data.map(({ document: d, reviewTaskId }) => (
                  <tr key={d.reference} data-reference={d.reference}>
                    <th scope="row">
                      <Link to={`/knowledge/documents/${encodeURIComponent(d.reference)}`}>{d.title}</Link>{' '}
                      <span className="muted">({d.reference})</span>
                    </th>
                    <td className="nowrap">{formatDay(d.reviewDue)}</td>
                    <td>
                      {reviewTaskId ? (
                        <Link to={`/knowledge/reviews/${encodeURIComponent(reviewTaskId)}`} className="btn btn-small btn-primary">
                          {kt('stale.review', { title: d.title })}
                        </Link>
                      ) : (
                        <span className="muted">{kt('stale.notOpenYet')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
      </section>

      <h2>{kt('list.documents')}</h2>
      <div className="filters" role="search" aria-label={kt('list.filters')}>
        <TextField
          label={kt('list.filter.text')}
          hint={kt('list.filter.textHint')}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
        />
        <SelectField label={kt('list.filter.collection')} value={collection} onChange={(e) => setCollection(e.target.value)}>
          <option value="">{kt('list.filter.allCollections')}</option>
          {collections.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
        <label className="radio">
          <input type="checkbox" checked={staleOnly} onChange={(e) => setStaleOnly(e.target.checked)} /> {kt('list.filter.stale')}
        </label>
      </div>
      {documents.loading ? <Loading /> : null}
      <ErrorMessage error={documents.error} onRetry={documents.reload} />
      <p className="field-hint" role="status">
        {documents.data ? kt('list.count', { count: shown.length }) : ''}
      </p>
      {shown.length > 0 ? (
        <TableWrap label={kt('list.documents')}>
          <table className="table" data-testid="knowledge-documents">
            <caption className="visually-hidden">{kt('list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{kt('col.document')}</th>
                <th scope="col">{kt('col.collection')}</th>
                <th scope="col">{kt('col.owner')}</th>
                <th scope="col">{kt('col.reviewDue')}</th>
                <th scope="col">{kt('col.version')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((d) => (
                <tr key={d.reference} data-reference={d.reference}>
                  <th scope="row">
                    <Link to={`/knowledge/documents/${encodeURIComponent(d.reference)}`}>{d.title}</Link>
                    <br />
                    <span className="muted small">{d.reference}</span>
                  </th>
                  <td>{d.collection}</td>
                  <td>
                    {d.owner}
                    <br />
                    <span className="muted small">{d.ownerGroup}</span>
                  </td>
                  <td className="nowrap">
                    {formatDay(d.reviewDue)} <DocumentStatus document={d} />
                  </td>
                  <td>{d.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </>
  );
}
