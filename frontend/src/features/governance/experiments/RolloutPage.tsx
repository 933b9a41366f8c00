import { useState } from 'react';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextAreaField, TextField } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { hasRole, useAuth } from '../../../lib/auth/context';
import { useI18n } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { useQuery } from '../../../lib/useQuery';
import { lifecycleApi, type Wave } from '../api';
import { useLt } from '../text';
import { KpiCard } from './KpiCard';

/** The rollout plan of a project: waves, training, start, guardrail pauses and kill switches. */
export function RolloutPage({ id }: { id: string }) {
  const lt = useLt();
  const projectId = Number(id);
  const view = useQuery(`project/${id}`, (s) => lifecycleApi.project(projectId, s));
  const waves = useQuery(`waves/${id}`, (s) => lifecycleApi.waves(projectId, s));
  const [error, setError] = useState<unknown>();
  const [reason, setReason] = useState('');
  const reload = () => {
    view.reload();
    waves.reload();
  };
  const act = async (call: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await call();
      reload();
    } catch (e) {
      setError(e);
    }
  };
  if (view.loading || waves.loading) return <Loading />;
  if (!view.data || !waves.data) return <ErrorMessage error={view.error ?? waves.error} onRetry={reload} />;
  const { project, openTasks } = view.data;
  const awaiting = (key: string) => openTasks.some((t) => t.taskKey === key);
  return (
    <>
      <PageTitle title={lt('rollout.title', { title: project.title })}>{lt('rollout.title', { title: project.title })}</PageTitle>
      <p>{lt(`stage.${project.stage}`)} · {project.useCaseKey ?? '—'}</p>
      {awaiting('planRollout') ? <PlanForm projectId={projectId} onDone={reload} /> : null}
      {waves.data.length === 0 ? <p>{lt('rollout.empty')}</p> : null}
      {waves.data.map((w) => (
        <WaveCard key={w.id} wave={w} projectId={projectId} useCaseKey={project.useCaseKey} awaiting={awaiting} act={act} reason={reason} />
      ))}
      {project.useCaseKey ? (
        <section className="card">
          <TextField label={lt('rollout.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
          <div className="form-actions form-actions-start">
            <Button variant="danger" onClick={() => act(() => lifecycleApi.killUseCase(project.useCaseKey as string, true, reason))}>{lt('rollout.killUseCase')}</Button>
            <Button variant="secondary" onClick={() => act(() => lifecycleApi.killUseCase(project.useCaseKey as string, false, reason))}>{lt('rollout.revive')}</Button>
          </div>
        </section>
      ) : null}
      <ErrorMessage error={error} />
    </>
  );
}

function WaveCard({ wave, projectId, useCaseKey, awaiting, act, reason }: {
  wave: Wave; projectId: number; useCaseKey: string | null; awaiting: (k: string) => boolean;
  act: (call: () => Promise<unknown>) => Promise<void>; reason: string;
}) {
  const lt = useLt();
  const { locale } = useI18n();
  const { user } = useAuth();
  const referent = !!user && hasRole(user, 'AI_REFERENT');
  const manager = !!user && hasRole(user, 'MANAGER');
  return (
    <section className="card" aria-labelledby={`wave-${wave.id}`} data-status={wave.status}>
      <h2 id={`wave-${wave.id}`}>{lt('rollout.wave', { seq: wave.seq })} — {lt(`rollout.status.${wave.status}`)}</h2>
      <p>{lt('rollout.planned', { date: formatDateTime(wave.plannedStart, locale) })} · {lt('rollout.entities')} : {wave.entities.join(', ')}</p>
      {wave.pauseReason && wave.status === 'PAUSED' ? <p role="alert" className="alert alert-error">{lt('rollout.pauseReason', { reason: wave.pauseReason })}</p> : null}
      <table className="table table-flat">
        <caption>{lt('rollout.people')}</caption>
        <tbody>
          {wave.people.map((p) => (
            <tr key={p.username}>
              <th scope="row">{p.username}</th>
              <td>{lt(`rollout.role.${p.role}`)}</td>
              <td>{p.trainedAt ? lt('rollout.trained') : lt('rollout.notTrained')}</td>
              <td>{!p.trainedAt && referent ? <Button variant="link" onClick={() => act(() => lifecycleApi.trained(projectId, wave.id, p.username))}>{lt('rollout.markTrained')}</Button> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="kpi-grid">{wave.kpis.map((k) => <KpiCard key={k.kpiId} kpi={k} />)}</div>
      <div className="form-actions form-actions-start">
        {wave.status === 'PLANNED' && (manager || referent) ? <Button onClick={() => act(() => lifecycleApi.startWave(projectId, wave.id))}>{lt('rollout.startNow')}</Button> : null}
        {awaiting('completeTraining') && referent && wave.status === 'PLANNED' ? <Button onClick={() => act(() => lifecycleApi.trainingComplete(projectId, wave.id))}>{lt('rollout.trainingDone')}</Button> : null}
        {wave.status === 'RUNNING' ? <Button variant="secondary" onClick={() => act(() => lifecycleApi.closeWave(projectId, wave.id))}>{lt('rollout.close')}</Button> : null}
        {wave.status === 'PAUSED' && manager && awaiting('handleBreach') ? (
          <>
            <Button onClick={() => act(() => lifecycleApi.breach(projectId, wave.id, true, reason || lt('rollout.resume')))}>{lt('rollout.resume')}</Button>
            <Button variant="danger" onClick={() => act(() => lifecycleApi.breach(projectId, wave.id, false, reason || lt('rollout.stop')))}>{lt('rollout.stop')}</Button>
          </>
        ) : null}
        {useCaseKey && (wave.status === 'RUNNING' || wave.status === 'PAUSED') ? wave.entities.map((e) => (
          <Button key={e} variant="danger" onClick={() => act(() => lifecycleApi.killEntity(useCaseKey, e, true, reason))}>{lt('rollout.kill')} — {e}</Button>
        )) : null}
      </div>
    </section>
  );
}

function PlanForm({ projectId, onDone }: { projectId: number; onDone: () => void }) {
  const lt = useLt();
  const [date, setDate] = useState('');
  const [entities, setEntities] = useState('');
  const [tutor, setTutor] = useState('');
  const [referent, setReferent] = useState('');
  const [users, setUsers] = useState('');
  const [error, setError] = useState<unknown>();
  const split = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
  const add = async () => {
    setError(undefined);
    try {
      await lifecycleApi.addWave(projectId, {
        plannedStart: date ? new Date(date).toISOString() : null,
        entities: split(entities),
        people: [
          ...split(users).map((u) => ({ username: u, role: 'USER' })),
          ...split(tutor).map((u) => ({ username: u, role: 'TUTOR' })),
          ...split(referent).map((u) => ({ username: u, role: 'REFERENT' })),
        ],
      });
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  const launch = async () => {
    setError(undefined);
    try {
      await lifecycleApi.completePlan(projectId);
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="card" aria-labelledby="plan-title">
      <h2 id="plan-title">{lt('rollout.addWave')}</h2>
      <TextField label={lt('rollout.date')} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      <TextField label={lt('rollout.entities')} value={entities} onChange={(e) => setEntities(e.target.value)} hint="agence-lyon, agence-nantes" />
      <TextField label={lt('rollout.tutor')} value={tutor} onChange={(e) => setTutor(e.target.value)} />
      <TextField label={lt('rollout.referent')} value={referent} onChange={(e) => setReferent(e.target.value)} />
      <TextAreaField label={lt('rollout.users')} value={users} onChange={(e) => setUsers(e.target.value)} rows={2} />
      <ErrorMessage error={error} />
      <div className="form-actions form-actions-start">
        <Button variant="secondary" onClick={add}>{lt('rollout.addWave')}</Button>
        <Button onClick={launch}>{lt('rollout.completePlan')}</Button>
      </div>
    </section>
  );
}
