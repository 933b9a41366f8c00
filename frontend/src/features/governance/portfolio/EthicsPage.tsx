import { useState } from 'react';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextAreaField } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { useQuery } from '../../../lib/useQuery';
import { ETHICS_CRITERIA, lifecycleApi, type Project } from '../api';
import { useLt } from '../text';

const VERDICTS = ['FAVOURABLE', 'RESERVED', 'UNFAVOURABLE'] as const;
const OUTCOMES = ['APPROVE', 'APPROVE_WITH_CONDITIONS', 'REWORK', 'REJECT'] as const;

/** The ethics and control committee's queue: nine criteria, each with a verdict and a comment. */
export function EthicsPage() {
  const lt = useLt();
  const projects = useQuery('projects', (s) => lifecycleApi.projects(s));
  const queue = (projects.data ?? []).filter((p) => p.stage === 'ETHICS');
  return (
    <>
      <PageTitle title={lt('ethics.title')}>{lt('ethics.title')}</PageTitle>
      {projects.loading ? <Loading /> : null}
      <ErrorMessage error={projects.error} onRetry={projects.reload} />
      {projects.data && queue.length === 0 ? <p>{lt('ethics.empty')}</p> : null}
      {queue.map((p) => <EthicsForm key={p.id} project={p} onDone={projects.reload} />)}
    </>
  );
}

function EthicsForm({ project, onDone }: { project: Project; onDone: () => void }) {
  const lt = useLt();
  const [verdicts, setVerdicts] = useState<Record<string, { verdict: string; comment: string }>>({});
  const [outcome, setOutcome] = useState('');
  const [conditions, setConditions] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const update = (c: string, patch: Partial<{ verdict: string; comment: string }>) =>
    setVerdicts({ ...verdicts, [c]: { ...(verdicts[c] ?? { verdict: '', comment: '' }), ...patch } });
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await lifecycleApi.ethics(project.id, {
        verdicts: ETHICS_CRITERIA.filter((c) => verdicts[c]?.verdict).map((c) => ({ criterion: c, ...verdicts[c] })),
        outcome, conditions: conditions || undefined,
      });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby={`ethics-${project.id}`}>
      <h2 id={`ethics-${project.id}`}>n° {project.id} — {project.title}</h2>
      <p>{project.problem}</p>
      {project.necessity ? <p><em>{project.necessity}</em></p> : null}
      {ETHICS_CRITERIA.map((c) => (
        <fieldset key={c} className="criterion">
          <legend>{lt(`ethics.criterion.${c}`)}</legend>
          {VERDICTS.map((v) => (
            <label key={v} className="radio">
              <input type="radio" name={`${project.id}-${c}`} value={v} checked={verdicts[c]?.verdict === v} onChange={() => update(c, { verdict: v })} />
              {lt(`ethics.verdict.${v}`)}
            </label>
          ))}
          <TextAreaField label={`${lt('ethics.comment')} — ${lt(`ethics.criterion.${c}`)}`} rows={2} value={verdicts[c]?.comment ?? ''} onChange={(e) => update(c, { comment: e.target.value })} />
        </fieldset>
      ))}
      <fieldset>
        <legend>{lt('ethics.outcome')}</legend>
        {OUTCOMES.map((o) => (
          <label key={o} className="radio">
            <input type="radio" name={`${project.id}-outcome`} value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
            {lt(`ethics.outcome.${o}`)}
          </label>
        ))}
      </fieldset>
      {outcome && outcome !== 'APPROVE' ? (
        <TextAreaField label={lt('ethics.conditions')} value={conditions} onChange={(e) => setConditions(e.target.value)} rows={3} required />
      ) : null}
      <ErrorMessage error={error} />
      <Button busy={busy} onClick={submit}>{lt('ethics.submit')}</Button>
    </section>
  );
}
