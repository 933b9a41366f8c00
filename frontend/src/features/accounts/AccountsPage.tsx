import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableWrap } from '../../components/TableWrap';
import type { FieldErrors } from '../../lib/api';
import { placeFieldErrors } from '../../lib/fieldErrors';
import { useQuery } from '../../lib/useQuery';
import { accountsApi, type AccountGroup, type AccountList } from './api';
import { useAt, type AccountsKey } from './text';

const FIELDS = ['username', 'firstName', 'lastName', 'email', 'password', 'groups'] as const;

/**
 * The administrator's accounts (first start outside the demo, issue 14): the people who log in with a
 * password and their roles, and a form that opens an account with its roles and its use cases' groups.
 */
export function AccountsPage() {
  const at = useAt();
  const list = useQuery('admin/accounts', (signal) => accountsApi.list(signal));
  const [status, setStatus] = useState<string>();
  return (
    <>
      <PageTitle title={at('title')}>{at('title')}</PageTitle>
      <p>{at('intro')}</p>
      {list.loading ? <Loading /> : null}
      <ErrorMessage error={list.error} onRetry={list.reload} />
      {status ? (
        <p className="alert alert-success" role="status">
          {status}
        </p>
      ) : null}
      {list.data ? (
        <>
          <AccountTable list={list.data} />
          <CreateForm
            groups={list.data.groups}
            minPassword={list.data.minPasswordLength}
            onCreated={(message) => {
              setStatus(message);
              list.reload();
            }}
          />
        </>
      ) : null}
    </>
  );
}

function groupLabel(group: AccountGroup | undefined, id: string, at: ReturnType<typeof useAt>): string {
  if (group?.role) return at(`role.${group.role}` as AccountsKey) ?? group.name ?? group.id;
  return group?.name ?? id;
}

function AccountTable({ list }: { list: AccountList }) {
  const at = useAt();
  const byId = new Map(list.groups.map((g) => [g.id, g]));
  return (
    <section aria-labelledby="accounts-list-title">
      <h2 id="accounts-list-title">{at('list.title')}</h2>
      {list.accounts.length === 0 ? <p>{at('list.empty')}</p> : null}
      {list.accounts.length > 0 ? (
        <TableWrap label={at('list.caption')}>
          <table className="table">
            <caption>{at('list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{at('col.username')}</th>
                <th scope="col">{at('col.name')}</th>
                <th scope="col">{at('col.email')}</th>
                <th scope="col">{at('col.groups')}</th>
              </tr>
            </thead>
            <tbody>
              {list.accounts.map((a) => (
                <tr key={a.username} data-account={a.username}>
                  <th scope="row">{a.username}</th>
                  <td>{[a.firstName, a.lastName].filter(Boolean).join(' ')}</td>
                  <td>{a.email ?? ''}</td>
                  <td>{a.groups.map((g) => groupLabel(byId.get(g), g, at)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}

function CreateForm({ groups, minPassword, onCreated }: { groups: AccountGroup[]; minPassword: number; onCreated: (message: string) => void }) {
  const at = useAt();
  const [username, setUsername] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const roles = groups.filter((g) => g.role);
  const useCaseGroups = groups.filter((g) => !g.role);
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setFieldErrors({});
    try {
      const created = await accountsApi.create({
        username: username.trim(),
        firstName,
        lastName,
        email: email.trim() || null,
        password,
        groups: chosen,
      });
      onCreated(at('create.done', { username: created.username, name: `${created.firstName ?? ''} ${created.lastName ?? ''}`.trim() }));
      setUsername('');
      setFirstName('');
      setLastName('');
      setEmail('');
      setPassword('');
      setChosen([]);
    } catch (e) {
      const placed = placeFieldErrors(e, FIELDS);
      setFieldErrors(placed.fieldErrors);
      setError(placed.error);
    } finally {
      setBusy(false);
    }
  };
  const checkboxes = (list: AccountGroup[], labelOf: (g: AccountGroup) => string) => (
    <div className="reason-options">
      {list.map((g) => (
        <label key={g.id} className="checkbox">
          <input type="checkbox" name="groups" value={g.id} checked={chosen.includes(g.id)} onChange={(e) => toggle(g.id, e.target.checked)} />
          {labelOf(g)}
        </label>
      ))}
    </div>
  );
  return (
    <section className="card" aria-labelledby="account-create-title">
      <h2 id="account-create-title">{at('create.title')}</h2>
      <p className="muted">{at('create.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <div className="grid-2">
          <TextField label={at('field.username')} hint={at('field.username.hint')} value={username} onChange={(e) => setUsername(e.target.value)}
            required error={fieldErrors.username} autoCapitalize="none" autoComplete="off" spellCheck={false} />
          <TextField label={at('field.email')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={fieldErrors.email} autoComplete="off" />
          <TextField label={at('field.firstName')} value={firstName} onChange={(e) => setFirstName(e.target.value)} required error={fieldErrors.firstName} autoComplete="off" />
          <TextField label={at('field.lastName')} value={lastName} onChange={(e) => setLastName(e.target.value)} required error={fieldErrors.lastName} autoComplete="off" />
          <TextField label={at('field.password')} hint={at('field.password.hint', { min: minPassword })} type="password" value={password}
            onChange={(e) => setPassword(e.target.value)} required error={fieldErrors.password} autoComplete="new-password" />
        </div>
        <fieldset className={`reason-picker${fieldErrors.groups ? ' field-invalid' : ''}`} aria-describedby={`account-roles-hint${fieldErrors.groups ? ' account-roles-error' : ''}`}>
          <legend>{at('field.roles')}</legend>
          <p id="account-roles-hint" className="field-hint">{at('field.roles.hint')}</p>
          {/* a role this screen has no words for yet still shows the server's name: no checkbox without a label */}
          {checkboxes(roles, (g) => at(`role.${g.role}` as AccountsKey) ?? g.name ?? g.id)}
          {fieldErrors.groups ? (
            <p id="account-roles-error" className="field-error">
              {fieldErrors.groups}
            </p>
          ) : null}
        </fieldset>
        {useCaseGroups.length > 0 ? (
          <fieldset className="reason-picker" aria-describedby="account-groups-hint">
            <legend>{at('field.useCaseGroups')}</legend>
            <p id="account-groups-hint" className="field-hint">{at('field.useCaseGroups.hint')}</p>
            {checkboxes(useCaseGroups, (g) => g.name ?? g.id)}
          </fieldset>
        ) : null}
        <ErrorMessage error={error} />
        <div className="form-actions form-actions-start">
          <Button type="submit" busy={busy}>{at('create.submit')}</Button>
        </div>
      </form>
    </section>
  );
}
