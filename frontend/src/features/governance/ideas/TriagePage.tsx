import { useState } from 'react';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SelectField, TextAreaField } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { useQuery } from '../../../lib/useQuery';
import { lifecycleApi, type Project } from '../api';
import { useLt } from '../text';

/** AI referents: triage new ideas, justify the need for generative AI, rework after the committee. */
export function TriagePage() {
  const lt = useLt();
  const projects = useQuery('projects', (s) => lifecycleApi.projects(s));
  const all = projects.data ?? [];
  const waiting = all.filter((p) => p.stage === 'TRIAGE' || p.stage === 'NECESSITY' || p.stage === 'REWORK');
  return (
    <>
      <PageTitle title={lt('triage.title')}>{lt('triage.title')}</PageTitle>
      {projects.loading ? <Loading /> : null}
      <ErrorMessage error={projects.error} onRetry={projects.reload} />
      {projects.data && waiting.length === 0 ? <p>{lt('triage.empty')}</p> : null}
      {waiting.map((p) => (
        <TriageCard key={`${p.id}-${p.stage}`} project={p} others={all.filter((o) => o.id !== p.id && o.stage !== 'MERGED')} onDone={projects.reload} />
      ))}
    </>
  );
}

function TriageCard({ project, others, onDone }: { project: Project; others: Project[]; onDone: () => void }) {
  const lt = useLt();
  const [text, setText] = useState('');
  const [mergeInto, setMergeInto] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const act = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await call();
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby={`idea-${project.id}`}>
      <h2 id={`idea-${project.id}`}>n° {project.id} — {project.title}</h2>
      <p><strong>{lt(`stage.${project.stage}`)}</strong></p>
      <dl>
        <dt>{lt('ideas.field.problem')}</dt><dd>{project.problem}</dd>
        <dt>{lt('ideas.field.team')}</dt><dd>{project.team}</dd>
        <dt>{lt('ideas.field.frequency')}</dt><dd>{project.frequency}</dd>
        <dt>{lt('ideas.field.timeSpent')}</dt><dd>{project.timeSpent}</dd>
        <dt>{lt('ideas.field.dataInvolved')}</dt><dd>{project.dataInvolved}</dd>
      </dl>
      {project.stage === 'TRIAGE' ? (
        <>
          <TextAreaField label={lt('triage.reason')} value={text} onChange={(e) => setText(e.target.value)} rows={2} />
          <SelectField label={lt('triage.mergeInto')} value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
            <option value="">—</option>
            {others.map((o) => <option key={o.id} value={o.id}>n° {o.id} — {o.title}</option>)}
          </SelectField>
          <div className="form-actions form-actions-start">
            <Button busy={busy} onClick={() => act(() => lifecycleApi.triage(project.id, { decision: 'ACCEPT' }))}>{lt('triage.accept')}</Button>
            <Button variant="secondary" busy={busy} onClick={() => act(() => lifecycleApi.triage(project.id, { decision: 'REJECT', reason: text }))}>{lt('triage.reject')}</Button>
            <Button variant="secondary" busy={busy} disabled={!mergeInto} onClick={() => act(() => lifecycleApi.triage(project.id, { decision: 'MERGE', mergeInto: Number(mergeInto), reason: text || undefined }))}>{lt('triage.merge')}</Button>
          </div>
        </>
      ) : (
        <>
          <TextAreaField
            label={project.stage === 'NECESSITY' ? lt('triage.necessity.label') : lt('triage.rework.label')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={4}
            required
          />
          <Button busy={busy} onClick={() => act(() => (project.stage === 'NECESSITY' ? lifecycleApi.necessity(project.id, text) : lifecycleApi.rework(project.id, text)))}>
            {project.stage === 'NECESSITY' ? lt('triage.necessity.submit') : lt('triage.rework.submit')}
          </Button>
        </>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
