import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SelectField, TextField } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { TableWrap } from '../../../components/TableWrap';
import type { FieldErrors } from '../../../lib/api';
import { hasRole, useAuth } from '../../../lib/auth/context';
import { placeFieldErrors } from '../../../lib/fieldErrors';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/useQuery';
import { organisationApi, type BusinessEntity, type EntityKind, type Placement } from './api';
import { useOt } from './text';

const KINDS: EntityKind[] = ['AGENCY', 'SERVICE', 'DIRECTORATE'];

/** The entities in tree order (each below its parent, brothers by name), with their depth. */
export function treeOrder(entities: BusinessEntity[]): { entity: BusinessEntity; depth: number }[] {
  const codes = new Set(entities.map((e) => e.code));
  const children = new Map<string | null, BusinessEntity[]>();
  for (const e of entities) {
    const parent = e.parentCode && codes.has(e.parentCode) ? e.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), e]);
  }
  const out: { entity: BusinessEntity; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const e of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'fr'))) {
      if (seen.has(e.code)) continue;
      seen.add(e.code);
      out.push({ entity: e, depth });
      walk(e.code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/**
 * The organisation: administrators create, edit, delete and import entities and place anyone;
 * managers see the entities they manage (theirs and those below) and place people in them.
 */
export function OrganisationPage() {
  const ot = useOt();
  const { user } = useAuth();
  const admin = hasRole(user, 'ADMIN');
  const entities = useQuery('organisation/entities', (s) => organisationApi.entities(s));
  const managed = useQuery('organisation/managed', (s) => organisationApi.managed(s));
  const [selected, setSelected] = useState<string>();
  const [editing, setEditing] = useState<BusinessEntity>();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<unknown>();
  const all = entities.data ?? [];
  const mine = new Set(managed.data ?? []);
  const visible = admin ? all : all.filter((e) => mine.has(e.code));
  const byCode = new Map(all.map((e) => [e.code, e]));
  const reload = () => {
    entities.reload();
    managed.reload();
  };
  const remove = async (entity: BusinessEntity) => {
    setError(undefined);
    setStatus(undefined);
    try {
      await organisationApi.remove(entity.code);
      setStatus(ot('orga.deleted', { name: entity.name }));
      if (selected === entity.code) setSelected(undefined);
      reload();
    } catch (e) {
      setError(e);
    }
  };
  const chosen = selected ? byCode.get(selected) : undefined;
  return (
    <>
      <PageTitle title={ot('orga.title')}>{ot('orga.title')}</PageTitle>
      <p>{admin ? ot('orga.intro.admin') : ot('orga.intro.manager')}</p>
      <section aria-labelledby="entities-title">
        <h2 id="entities-title">{ot('orga.entities')}</h2>
        {entities.loading ? <Loading /> : null}
        <ErrorMessage error={entities.error ?? managed.error} onRetry={reload} />
        {status ? <p role="status">{status}</p> : null}
        <ErrorMessage error={error} />
        {entities.data && visible.length === 0 ? <p>{ot('orga.entities.empty')}</p> : null}
        {visible.length > 0 ? (
          <TableWrap label={ot('orga.entities.caption')}>
            <table className="table">
              <caption>{ot('orga.entities.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{ot('orga.col.entity')}</th>
                  <th scope="col">{ot('orga.col.kind')}</th>
                  <th scope="col">{ot('orga.col.parent')}</th>
                  <th scope="col">{ot('orga.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {treeOrder(visible).map(({ entity, depth }) => (
                  <tr key={entity.code} data-entity={entity.code} aria-current={entity.code === selected ? 'true' : undefined}>
                    <th scope="row">
                      <span className="tree-indent" style={{ paddingInlineStart: `${depth * 1.5}rem` }}>{entity.name}</span>
                      <div className="muted">{entity.code}</div>
                    </th>
                    <td>{ot(`orga.kind.${entity.kind}`)}</td>
                    <td>{entity.parentCode ? (byCode.get(entity.parentCode)?.name ?? entity.parentCode) : ot('orga.top')}</td>
                    <td>
                      <div className="row-actions">
                        <Button variant="secondary" onClick={() => setSelected(entity.code)}>{ot('orga.people.show', { name: entity.name })}</Button>
                        {admin ? <Button variant="secondary" onClick={() => setEditing(entity)}>{ot('orga.edit', { name: entity.name })}</Button> : null}
                        {admin ? <Button variant="secondary" onClick={() => remove(entity)}>{ot('orga.delete', { name: entity.name })}</Button> : null}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
      </section>
      {chosen ? <People key={chosen.code} entity={chosen} /> : <p className="muted">{ot('orga.people.choose')}</p>}
      {admin ? (
        <EntityForm
          key={editing?.code ?? 'new'}
          entities={all}
          editing={editing}
          onDone={(message) => {
            setEditing(undefined);
            setStatus(message);
            reload();
          }}
          onCancel={() => setEditing(undefined)}
        />
      ) : null}
      {admin ? <ImportForm onDone={reload} /> : null}
    </>
  );
}

const FIELDS = ['code', 'name', 'kind', 'parentCode'] as const;

function EntityForm({ entities, editing, onDone, onCancel }: {
  entities: BusinessEntity[];
  editing: BusinessEntity | undefined;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const ot = useOt();
  const [code, setCode] = useState(editing?.code ?? '');
  const [name, setName] = useState(editing?.name ?? '');
  const [kind, setKind] = useState<EntityKind>(editing?.kind ?? 'AGENCY');
  const [parent, setParent] = useState(editing?.parentCode ?? '');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const title = editing ? ot('orga.edit.title', { name: editing.name }) : ot('orga.create.title');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setFieldErrors({});
    try {
      const body = { name, kind, parentCode: parent || null };
      const saved = editing ? await organisationApi.update(editing.code, body) : await organisationApi.create({ code: code.trim(), ...body });
      onDone(editing ? ot('orga.saved', { name: saved.name }) : ot('orga.created', { name: saved.name }));
    } catch (e) {
      const placed = placeFieldErrors(e, FIELDS);
      setFieldErrors(placed.fieldErrors);
      setError(placed.error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="entity-form-title">
      <h2 id="entity-form-title">{title}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <div className="grid-2">
          <TextField label={ot('orga.field.code')} hint={ot('orga.field.code.hint')} value={code} onChange={(e) => setCode(e.target.value)}
            readOnly={!!editing} required error={fieldErrors.code} autoCapitalize="none" spellCheck={false} />
          <TextField label={ot('orga.field.name')} value={name} onChange={(e) => setName(e.target.value)} required error={fieldErrors.name} />
          <SelectField label={ot('orga.field.kind')} value={kind} onChange={(e) => setKind(e.target.value as EntityKind)} error={fieldErrors.kind}>
            {KINDS.map((k) => <option key={k} value={k}>{ot(`orga.kind.${k}`)}</option>)}
          </SelectField>
          <SelectField label={ot('orga.field.parent')} value={parent} onChange={(e) => setParent(e.target.value)} error={fieldErrors.parentCode}>
            <option value="">{ot('orga.top')}</option>
            {treeOrder(entities.filter((e) => e.code !== editing?.code)).map(({ entity, depth }) => (
              <option key={entity.code} value={entity.code}>{`${'\u00a0\u00a0'.repeat(depth)}${entity.name}`}</option>
            ))}
          </SelectField>
        </div>
        <ErrorMessage error={error} />
        <div className="form-actions form-actions-start">
          <Button type="submit" busy={busy}>{editing ? ot('orga.save') : ot('orga.create')}</Button>
          {editing ? <Button variant="secondary" onClick={onCancel}>{ot('orga.cancel')}</Button> : null}
        </div>
      </form>
    </section>
  );
}

function ImportForm({ onDone }: { onDone: () => void }) {
  const ot = useOt();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(undefined);
    setError(undefined);
    if (!file) {
      setError(ot('orga.import.noFile'));
      return;
    }
    setBusy(true);
    try {
      const done = await organisationApi.importCsv(await file.text());
      setResult(ot('orga.import.done', { created: done.entitiesCreated, updated: done.entitiesUpdated, placed: done.peoplePlaced }));
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">{ot('orga.import.title')}</h2>
      <p>{ot('orga.import.intro')}</p>
      <details>
        <summary>{ot('orga.import.format')}</summary>
        <p>{ot('orga.import.format.text')}</p>
        <pre className="csv-example">{'type;code;nom;nature;parent\nentite;direction-ouest;Direction Ouest;direction;\nentite;agence-brest;Agence de Brest;agence;direction-ouest\npersonne;lea.martin;agence-brest'}</pre>
      </details>
      <form className="form" onSubmit={submit} noValidate>
        <TextField label={ot('orga.import.file')} type="file" accept=".csv,text/csv,text/plain" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <ErrorMessage error={error} />
        {result ? <p role="status">{result}</p> : null}
        <div className="form-actions form-actions-start">
          <Button type="submit" busy={busy}>{ot('orga.import.submit')}</Button>
        </div>
      </form>
    </section>
  );
}

function People({ entity }: { entity: BusinessEntity }) {
  const ot = useOt();
  const { locale } = useI18n();
  const people = useQuery(`organisation/people/${entity.code}`, (s) => organisationApi.people(entity.code, s));
  const [username, setUsername] = useState('');
  const search = useQuery(`organisation/search/${username.trim()}`, (s) => organisationApi.searchPeople(username.trim(), s));
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [fieldError, setFieldError] = useState<string>();
  const [busy, setBusy] = useState(false);
  /** Runs a placement or a detachment; true when it went through. */
  const act = async (call: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    setFieldError(undefined);
    setStatus(undefined);
    try {
      await call();
      setStatus(done);
      people.reload();
      search.reload();
      return true;
    } catch (e) {
      const placed = placeFieldErrors(e, ['username']);
      setFieldError(placed.fieldErrors.username);
      setError(placed.error);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const place = async (event: FormEvent) => {
    event.preventDefault();
    const who = username.trim();
    if (await act(() => organisationApi.place(entity.code, who), ot('orga.placed', { name: who, entity: entity.name }))) setUsername('');
  };
  const source = (p: Placement) => ot(`orga.source.${p.source}` as 'orga.source.MANUAL', { by: p.placedBy });
  const list = people.data ?? [];
  const listId = `people-${entity.code}`;
  return (
    <section className="card" aria-labelledby="people-title">
      <h2 id="people-title">{ot('orga.people.title', { name: entity.name })}</h2>
      {people.loading ? <Loading /> : null}
      <ErrorMessage error={people.error} onRetry={people.reload} />
      {status ? <p role="status">{status}</p> : null}
      {people.data && list.length === 0 ? <p>{ot('orga.people.empty')}</p> : null}
      {list.length > 0 ? (
        <TableWrap label={ot('orga.people.caption', { name: entity.name })}>
          <table className="table">
            <caption>{ot('orga.people.caption', { name: entity.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{ot('orga.col.person')}</th>
                <th scope="col">{ot('orga.col.source')}</th>
                <th scope="col">{ot('orga.col.since')}</th>
                <th scope="col">{ot('orga.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.username} data-person={p.username}>
                  <th scope="row">{p.username}</th>
                  <td>{source(p)}</td>
                  <td>{formatDateTime(p.placedAt, locale)}</td>
                  <td>
                    <Button variant="secondary" busy={busy}
                      onClick={() => act(() => organisationApi.detach(entity.code, p.username), ot('orga.detached', { name: p.username, entity: entity.name }))}>
                      {ot('orga.detach', { name: p.username })}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <form className="form" onSubmit={place} noValidate aria-labelledby={`${listId}-title`}>
        <h3 id={`${listId}-title`}>{ot('orga.place.title')}</h3>
        <TextField label={ot('orga.place.field')} hint={ot('orga.place.hint')} value={username} onChange={(e) => setUsername(e.target.value)}
          list={listId} autoComplete="off" autoCapitalize="none" spellCheck={false} required error={fieldError} />
        <datalist id={listId}>
          {(search.data ?? []).map((p) => (
            <option key={p.username} value={p.username}>
              {p.entityName ? ot('orga.place.current', { name: p.displayName, entity: p.entityName }) : ot('orga.place.none', { name: p.displayName })}
            </option>
          ))}
        </datalist>
        <ErrorMessage error={error} />
        <div className="form-actions form-actions-start">
          <Button type="submit" busy={busy}>{ot('orga.place.submit')}</Button>
        </div>
      </form>
    </section>
  );
}
