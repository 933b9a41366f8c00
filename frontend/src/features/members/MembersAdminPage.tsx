import { useEffect, useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableWrap } from '../../components/TableWrap';
import { ApiError } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/useQuery';
import { membersApi, type DirectoryCheck, type DirectoryStatus } from './api';
import { useMt } from './text';

export const MEMBER_SEARCH_DEBOUNCE_MS = 300;

/**
 * The administrator's member directory: which one serves and whether it answers, the CSV import of a
 * pilot's members (Tandem's own directory), and a search as advisers see it.
 */
export function MembersAdminPage() {
  const mt = useMt();
  const status = useQuery('members-directory', (signal) => membersApi.status(signal));
  return (
    <>
      <PageTitle title={mt('title')}>{mt('title')}</PageTitle>
      <p className="muted">{mt('intro')}</p>
      {status.loading ? <Loading /> : null}
      <ErrorMessage error={status.error} onRetry={status.reload} />
      {status.data ? (
        <>
          <Directory status={status.data} />
          {status.data.importAllowed ? (
            <CsvImport columns={status.data.csvColumns} onImported={status.reload} />
          ) : (
            <section className="panel" aria-labelledby="members-import-title">
              <h2 id="members-import-title">{mt('import.title')}</h2>
              <p>{mt('import.notHere')}</p>
            </section>
          )}
          <Search />
        </>
      ) : null}
    </>
  );
}

function Directory({ status }: { status: DirectoryStatus }) {
  const mt = useMt();
  const { locale } = useI18n();
  const [check, setCheck] = useState<DirectoryCheck>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const onCheck = async () => {
    setBusy(true);
    setError(undefined);
    setCheck(undefined);
    try {
      setCheck(await membersApi.check());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="members-directory-title">
      <h2 id="members-directory-title">{mt('directory.title')}</h2>
      <dl className="facts facts-grid">
        <div>
          <dt>{mt('directory.kind')}</dt>
          <dd data-testid="directory-kind">{mt(`directory.kind.${status.kind}`)}</dd>
        </div>
        {status.kind === 'HTTP' ? (
          <>
            <div>
              <dt>{mt('directory.baseUrl')}</dt>
              <dd>{status.baseUrl}</dd>
            </div>
            <div>
              <dt>{mt('directory.authentication')}</dt>
              <dd>
                {status.authentication === 'BEARER' || status.authentication === 'BASIC' || status.authentication === 'NONE'
                  ? mt(`directory.auth.${status.authentication}`)
                  : status.authentication}
              </dd>
            </div>
            <div>
              <dt>{mt('directory.timeout')}</dt>
              <dd>{mt('directory.seconds', { seconds: formatNumber((status.timeoutMs ?? 0) / 1000, locale) })}</dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>{mt(`directory.stored.${status.kind}`)}</dt>
          <dd data-testid="stored-members">{formatNumber(status.storedMembers, locale, 0)}</dd>
        </div>
      </dl>
      <p className="field-hint">{mt('directory.howToChange')}</p>
      <Button variant="secondary" onClick={onCheck} busy={busy}>
        {busy ? mt('directory.checking') : mt('directory.check')}
      </Button>
      <ErrorMessage error={error} />
      {check ? (
        <p className={`alert ${check.reachable ? 'alert-success' : 'alert-error'}`} role="status" data-testid="directory-check">
          {check.message}
        </p>
      ) : null}
    </section>
  );
}

function CsvImport({ columns, onImported }: { columns: string[]; onImported: () => void }) {
  const mt = useMt();
  const id = `csv-${useId().replace(/:/g, '')}`;
  const [file, setFile] = useState<File>();
  const [error, setError] = useState<string>();
  const [other, setOther] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    setOther(undefined);
    if (!file) {
      setError(mt('import.required'));
      document.getElementById(id)?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const result = await membersApi.importCsv(file);
      setDone(mt('import.done', { ...result }));
      onImported();
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.file) {
        setError(e.fieldErrors.file);
        document.getElementById(id)?.focus();
      } else {
        setOther(e);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="members-import-title">
      <h2 id="members-import-title">{mt('import.title')}</h2>
      <p>{mt('import.format', { columns: columns.join(' ; ') })}</p>
      <p className="muted">{mt('import.rule')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label htmlFor={id}>{mt('import.file')}</label>
          <input
            id={id}
            name="file"
            type="file"
            className="input"
            accept=".csv,text/csv"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0]);
              setError(undefined);
            }}
          />
          {error ? (
            <p id={`${id}-error`} className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <ErrorMessage error={other} />
        {done ? (
          <p className="alert alert-success" role="status" data-testid="import-result">
            {done}
          </p>
        ) : null}
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {busy ? mt('import.importing') : mt('import.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function Search() {
  const mt = useMt();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), MEMBER_SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useQuery(`members-admin-search-${q}`, (signal) =>
    q.length >= 2 ? membersApi.search(q, signal) : Promise.resolve(null),
  );
  return (
    <section className="panel" aria-labelledby="members-search-title">
      <h2 id="members-search-title">{mt('search.title')}</h2>
      <TextField
        label={mt('search.label')}
        hint={mt('search.hint')}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
      />
      <ErrorMessage error={found.error} onRetry={found.reload} />
      <p className="field-hint" role="status">
        {found.data ? (found.data.length === 0 ? mt('search.none') : mt('search.count', { count: found.data.length })) : ''}
      </p>
      {found.data && found.data.length > 0 ? (
        <TableWrap label={mt('search.caption')}>
          <table className="table" data-testid="member-results">
            <caption className="visually-hidden">{mt('search.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{mt('col.id')}</th>
                <th scope="col">{mt('col.name')}</th>
                <th scope="col">{mt('col.city')}</th>
              </tr>
            </thead>
            <tbody>
              {found.data.map((m) => (
                <tr key={m.id}>
                  <td>{m.id}</td>
                  <td>{m.displayName}</td>
                  <td>{m.city ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}
