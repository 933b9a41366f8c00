import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextAreaField } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { TableWrap } from '../../../components/TableWrap';
import { hasRole, useAuth } from '../../../lib/auth/context';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/useQuery';
import { organisationApi, type UseCaseGate, type UseCaseOpening } from './api';
import { useOt } from './text';

/**
 * The governance gate: which use cases serve and why; an administrator opens a use case no project
 * governs, or closes that opening, each time with a reason (public on the transparency page). AI
 * referents read it.
 */
export function GatePage() {
  const ot = useOt();
  const { user } = useAuth();
  const admin = hasRole(user, 'ADMIN');
  const gates = useQuery('governance/gates', (s) => organisationApi.gates(s));
  const openings = useQuery('governance/openings', (s) => organisationApi.openings(s));
  const [status, setStatus] = useState<string>();
  const reload = (message: string) => {
    setStatus(message);
    gates.reload();
    openings.reload();
  };
  const list = gates.data ?? [];
  const names = new Map(list.map((g) => [g.useCaseKey, g.name]));
  return (
    <>
      <PageTitle title={ot('gate.title')}>{ot('gate.title')}</PageTitle>
      <p>{ot('gate.intro')}</p>
      {list.length > 0 && !list[0].governanceRequired ? <p className="muted">{ot('gate.notRequired')}</p> : null}
      {gates.loading ? <Loading /> : null}
      <ErrorMessage error={gates.error} onRetry={gates.reload} />
      {status ? <p role="status">{status}</p> : null}
      {list.length > 0 ? (
        <TableWrap label={ot('gate.caption')}>
          <table className="table">
            <caption>{ot('gate.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{ot('gate.col.useCase')}</th>
                <th scope="col">{ot('gate.col.state')}</th>
                {admin ? <th scope="col">{ot('gate.col.action')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.map((g) => (
                <tr key={g.useCaseKey} data-use-case={g.useCaseKey} data-state={g.state}>
                  <th scope="row">{g.name}<div className="muted">{g.useCaseKey}</div></th>
                  <td><GateStateText gate={g} /></td>
                  {admin ? <td><GateAction gate={g} onDone={reload} /></td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <History openings={openings.data} error={openings.error} names={names} />
    </>
  );
}

function GateStateText({ gate }: { gate: UseCaseGate }) {
  const ot = useOt();
  const { locale } = useI18n();
  switch (gate.state) {
    case 'GOVERNED':
      return <>{gate.projectId ? ot('gate.state.GOVERNED.project', { id: gate.projectId, count: gate.aiEntities }) : ot('gate.state.GOVERNED', { count: gate.aiEntities })}</>;
    case 'OPENED_BY_ADMIN':
      return <>{ot('gate.state.OPENED_BY_ADMIN', { by: gate.opening?.openedBy ?? '', date: formatDateTime(gate.opening?.openedAt, locale), reason: gate.opening?.reason ?? '' })}</>;
    default:
      return <>{ot(`gate.state.${gate.state}`)}</>;
  }
}

/** Open (a use case no project governs) or close (an opening in force), with a reason; nothing otherwise. */
function GateAction({ gate, onDone }: { gate: UseCaseGate; onDone: (message: string) => void }) {
  const ot = useOt();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const opening = gate.state === 'OPENED_BY_ADMIN' ? gate.opening : null;
  const canOpen = gate.state === 'CLOSED' || gate.state === 'UNGOVERNED_ALLOWED';
  if (!opening && !canOpen) return <>{ot('gate.none')}</>;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      if (opening) {
        await organisationApi.close(opening.id, reason);
        onDone(ot('gate.closed', { name: gate.name }));
      } else {
        await organisationApi.open(gate.useCaseKey, reason);
        onDone(ot('gate.opened', { name: gate.name }));
      }
      setReason('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextAreaField
        label={opening ? ot('gate.close.reason', { name: gate.name }) : ot('gate.open.reason', { name: gate.name })}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={2}
        required
      />
      <ErrorMessage error={error} />
      <div className="form-actions form-actions-start">
        <Button type="submit" variant={opening ? 'secondary' : 'primary'} busy={busy}>
          {opening ? ot('gate.close.submit', { name: gate.name }) : ot('gate.open.submit', { name: gate.name })}
        </Button>
      </div>
    </form>
  );
}

function History({ openings, error, names }: { openings: UseCaseOpening[] | undefined; error: unknown; names: Map<string, string> }) {
  const ot = useOt();
  const { locale } = useI18n();
  return (
    <section aria-labelledby="openings-title">
      <h2 id="openings-title">{ot('gate.history')}</h2>
      <ErrorMessage error={error} />
      {openings && openings.length === 0 ? <p>{ot('gate.history.empty')}</p> : null}
      {openings && openings.length > 0 ? (
        <TableWrap label={ot('gate.history.caption')}>
          <table className="table">
            <caption>{ot('gate.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{ot('gate.col.useCase')}</th>
                <th scope="col">{ot('gate.col.opened')}</th>
                <th scope="col">{ot('gate.col.reason')}</th>
                <th scope="col">{ot('gate.col.closed')}</th>
              </tr>
            </thead>
            <tbody>
              {openings.map((o) => (
                <tr key={o.id}>
                  <th scope="row">{names.get(o.useCaseKey) ?? o.useCaseKey}</th>
                  <td>{ot('gate.by', { by: o.openedBy, date: formatDateTime(o.openedAt, locale) })}</td>
                  <td>{o.reason}</td>
                  <td>
                    {o.closedAt
                      ? <>{ot('gate.by', { by: o.closedBy ?? '', date: formatDateTime(o.closedAt, locale) })} — {o.closeReason}</>
                      : ot('gate.stillOpen')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}
