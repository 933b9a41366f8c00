import { useState } from 'react';
import { Button } from '../../../components/Button';
import { LineChart } from '../../../components/charts';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { Link } from '../../../lib/router';
import { useQuery } from '../../../lib/useQuery';
import { lifecycleApi, type Dashboard, type KpiValue } from '../api';
import { decisionLabel } from '../decisions';
import { useLt } from '../text';
import { KpiCard } from './KpiCard';

/** Managers: KPI cards and series (pilot vs control), guardrail alerts, feedback, set-up and decision. */
export function ExperimentPage({ id }: { id: string }) {
  const lt = useLt();
  const { locale, lang } = useI18n();
  const projectId = Number(id);
  const view = useQuery(`project/${id}`, (s) => lifecycleApi.project(projectId, s));
  const dashboard = useQuery(`dashboard/${id}`, (s) => lifecycleApi.dashboard(projectId, s));
  const reload = () => {
    view.reload();
    dashboard.reload();
  };
  if (view.loading || dashboard.loading) return <Loading />;
  if (!view.data || !dashboard.data) return <ErrorMessage error={view.error ?? dashboard.error} onRetry={reload} />;
  const { project, openTasks } = view.data;
  const d = dashboard.data;
  const awaiting = (key: string) => openTasks.some((t) => t.taskKey === key);
  return (
    <>
      <PageTitle title={lt('experiment.title', { title: project.title })}>{lt('experiment.title', { title: project.title })}</PageTitle>
      <p>
        {lt(`stage.${project.stage}`)} · {project.useCaseKey ?? '—'} · <Link to={`/experiments/${project.id}/rollout`}>{lt('experiment.rollout')}</Link>
      </p>
      {awaiting('setupExperiment') ? <SetupForm projectId={projectId} onDone={reload} /> : null}
      {!d.startedAt ? <p>{lt('experiment.notStarted')}</p> : null}
      {d.entities.length > 0 ? (
        <p>
          {lt('experiment.entities')} : {d.entities.map((e) => `${e.entityName} (${e.role === 'PILOT' ? lt('experiment.pilot') : lt('experiment.control')})`).join(', ')}
        </p>
      ) : null}
      {d.startedAt ? <p>{lt('experiment.surveyRate', { n: String(d.surveyOneIn) })}</p> : null}
      <p role="status">
        {d.measuredMinutesSaved === null ? lt('experiment.saved.none') : lt('experiment.saved', { minutes: formatNumber(d.measuredMinutesSaved, locale) })}
      </p>
      <div className="kpi-grid">
        {d.kpis.map((k) => <KpiCard key={k.kpiId} kpi={k} />)}
      </div>
      <section aria-labelledby="without-ai-title">
        <h2 id="without-ai-title">{lt('experiment.withoutAi.title')}</h2>
        <p>
          {d.withoutAi.cases === 0
            ? lt('experiment.withoutAi.none')
            : lt('experiment.withoutAi', {
                cases: String(d.withoutAi.cases),
                pilot: String(d.withoutAi.inPilot),
                control: String(d.withoutAi.inControl),
                share: d.withoutAi.share === null ? '—' : formatNumber(d.withoutAi.share * 100, locale),
                minutes: d.withoutAi.timeToApprovalMinutes === null ? '—' : formatNumber(d.withoutAi.timeToApprovalMinutes, locale),
              })}
        </p>
      </section>
      <Series dashboard={d} />
      {awaiting('experimentDecision') ? <DecisionForm projectId={projectId} onDone={reload} /> : null}
      <FeedbackSection projectId={projectId} dashboard={d} onDone={reload} />
      <h2>{lt('experiment.decisions')}</h2>
      <ul>
        {d.decisions.map((x) => (
          <li key={x.id}>
            {formatDateTime(x.decidedAt, locale)} — {decisionLabel(x.step, x.decision, lang)} ({x.decidedBy}){x.rationale ? ` — ${x.rationale}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Each KPI's values per day as a small line chart, with the same numbers in a table. */
function Series({ dashboard }: { dashboard: Dashboard }) {
  const lt = useLt();
  const { locale } = useI18n();
  if (dashboard.series.length === 0) return null;
  return (
    <section aria-labelledby="series-title">
      <h2 id="series-title">{lt('experiment.series')}</h2>
      <div className="chart-grid">
      {dashboard.kpis.map((k) => {
        const points = dashboard.series.filter((p) => p.metric === k.metric);
        return (
          <figure key={k.metric} className="card chart">
            <KpiSeriesChart kpi={k} points={points} />
            {/* the same numbers, one click away: still in the DOM for screen readers (issue 19) */}
            <details className="chart-table">
              <summary>{lt('experiment.series.table', { label: k.label })}</summary>
            <table className="table table-flat">
              <caption>{lt('experiment.series.caption', { label: k.label })}</caption>
              <thead>
                <tr><th scope="col">{lt('experiment.day')}</th><th scope="col">{lt('experiment.pilot')}</th><th scope="col">{lt('experiment.control')}</th></tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={p.day}><th scope="row">{p.day}</th><td>{formatNumber(p.pilot, locale)}</td><td>{formatNumber(p.control, locale)}</td></tr>
                ))}
              </tbody>
            </table>
            </details>
          </figure>
        );
      })}
      </div>
    </section>
  );
}

/** Pilot (solid, dots) against control (dashed), with the target and the guardrail: the table below has the same values. */
function KpiSeriesChart({ kpi, points }: { kpi: KpiValue; points: Dashboard['series'] }) {
  const lt = useLt();
  const { locale } = useI18n();
  const f = (v: number) => `${formatNumber(v, locale)} ${kpi.unit}`;
  return (
    <LineChart
      label={lt('experiment.series.chart', { label: kpi.label })}
      locale={locale}
      rows={points.map((p) => ({ x: p.day, pilot: p.pilot, control: p.control }))}
      series={[
        { key: 'pilot', name: lt('experiment.pilot'), tone: 'primary' },
        { key: 'control', name: lt('experiment.control'), tone: 'neutral', dashed: true },
      ]}
      references={[
        { value: kpi.target, name: lt('experiment.target', { value: f(kpi.target) }), tone: 'success' },
        { value: kpi.guardrail, name: lt('experiment.guardrail', { value: f(kpi.guardrail) }), tone: 'danger' },
      ]}
    />
  );
}

function DecisionForm({ projectId, onDone }: { projectId: number; onDone: () => void }) {
  const lt = useLt();
  const [decision, setDecision] = useState<'GENERALISE' | 'ADJUST' | 'STOP' | ''>('');
  const [rationale, setRationale] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!decision) return;
    setBusy(true);
    setError(undefined);
    try {
      await lifecycleApi.decide(projectId, decision, rationale);
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="decision-title">
      <h2 id="decision-title">{lt('experiment.decision')}</h2>
      <fieldset>
        <legend>{lt('experiment.decision')}</legend>
        {(['GENERALISE', 'ADJUST', 'STOP'] as const).map((d) => (
          <label key={d} className="radio">
            <input type="radio" name="experiment-decision" value={d} checked={decision === d} onChange={() => setDecision(d)} />
            {lt(`experiment.decision.${d}`)}
          </label>
        ))}
      </fieldset>
      <TextAreaField label={lt('experiment.decision.rationale')} value={rationale} onChange={(e) => setRationale(e.target.value)} rows={3} required />
      <ErrorMessage error={error} />
      <Button busy={busy} disabled={!decision} onClick={submit}>{lt('experiment.decision.submit')}</Button>
    </section>
  );
}

function FeedbackSection({ projectId, dashboard, onDone }: { projectId: number; dashboard: Dashboard; onDone: () => void }) {
  const lt = useLt();
  const { locale } = useI18n();
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>();
  const send = async () => {
    setError(undefined);
    try {
      await lifecycleApi.feedback(projectId, text);
      setText('');
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="feedback-title">
      <h2 id="feedback-title">{lt('experiment.feedback')}</h2>
      {dashboard.feedback.length === 0 ? <p>{lt('experiment.feedback.empty')}</p> : null}
      <ul>
        {dashboard.feedback.map((f) => <li key={f.id}><strong>{f.author}</strong> ({formatDateTime(f.createdAt, locale)}) : {f.text}</li>)}
      </ul>
      <TextAreaField label={lt('experiment.feedback.add')} value={text} onChange={(e) => setText(e.target.value)} rows={2} />
      <ErrorMessage error={error} />
      <Button variant="secondary" onClick={send}>{lt('common.send')}</Button>
    </section>
  );
}

interface KpiRow { metric: string; baseline: string; target: string; guardrail: string }

function SetupForm({ projectId, onDone }: { projectId: number; onDone: () => void }) {
  const lt = useLt();
  const entities = useQuery('entities', (s) => lifecycleApi.entities(s));
  const useCases = useQuery('use-cases', (s) => api.get<{ key: string; name: string }[]>('/api/use-cases', { signal: s }));
  const metrics = useQuery('kpi-metrics', (s) => api.get<{ metric: string; label: string }[]>('/api/projects/kpi-metrics', { signal: s }));
  const [useCaseKey, setUseCaseKey] = useState('');
  const [keyUsers, setKeyUsers] = useState('');
  // the comfort survey follows one case in N: asking after every task tires people and skews answers
  const [surveyOneIn, setSurveyOneIn] = useState('5');
  const [roles, setRoles] = useState<Record<string, 'PILOT' | 'CONTROL' | ''>>({});
  const [kpis, setKpis] = useState<KpiRow[]>([{ metric: 'TIME_TO_APPROVAL', baseline: '', target: '', guardrail: '' }]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await lifecycleApi.setUp(projectId, {
        useCaseKey,
        pilotEntities: Object.keys(roles).filter((k) => roles[k] === 'PILOT'),
        controlEntities: Object.keys(roles).filter((k) => roles[k] === 'CONTROL'),
        keyUsers: keyUsers.split(',').map((u) => u.trim()).filter(Boolean),
        kpis: kpis.map((k) => ({ metric: k.metric, baseline: k.baseline === '' ? null : Number(k.baseline), target: Number(k.target), guardrail: Number(k.guardrail) })),
        surveyOneIn: surveyOneIn === '' ? null : Number(surveyOneIn),
      });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const setKpi = (i: number, patch: Partial<KpiRow>) => setKpis(kpis.map((k, j) => (j === i ? { ...k, ...patch } : k)));
  return (
    <section className="card" aria-labelledby="setup-title">
      <h2 id="setup-title">{lt('experiment.setup')}</h2>
      <SelectField label={lt('experiment.useCase')} value={useCaseKey} onChange={(e) => setUseCaseKey(e.target.value)}>
        <option value="">—</option>
        {(useCases.data ?? []).map((u) => <option key={u.key} value={u.key}>{u.name}</option>)}
      </SelectField>
      <fieldset>
        <legend>{lt('experiment.entities')}</legend>
        {(entities.data ?? []).map((e) => (
          <SelectField key={e.code} label={e.name} value={roles[e.code] ?? ''} onChange={(ev) => setRoles({ ...roles, [e.code]: ev.target.value as 'PILOT' | 'CONTROL' | '' })}>
            <option value="">—</option>
            <option value="PILOT">{lt('experiment.pilot')}</option>
            <option value="CONTROL">{lt('experiment.control')}</option>
          </SelectField>
        ))}
      </fieldset>
      <TextField label={lt('experiment.keyUsers')} value={keyUsers} onChange={(e) => setKeyUsers(e.target.value)} />
      <TextField label={lt('experiment.surveyOneIn')} type="number" min={1} max={100} value={surveyOneIn} onChange={(e) => setSurveyOneIn(e.target.value)} />
      {kpis.map((k, i) => (
        <fieldset key={i} className="grid-2">
          <legend>KPI {i + 1}</legend>
          <SelectField label={lt('experiment.kpi')} value={k.metric} onChange={(e) => setKpi(i, { metric: e.target.value })}>
            {(metrics.data ?? []).map((m) => <option key={m.metric} value={m.metric}>{m.label}</option>)}
          </SelectField>
          <TextField label={lt('experiment.baseline')} type="number" value={k.baseline} onChange={(e) => setKpi(i, { baseline: e.target.value })} />
          <TextField label={lt('experiment.targetField')} type="number" value={k.target} onChange={(e) => setKpi(i, { target: e.target.value })} />
          <TextField label={lt('experiment.guardrailField')} type="number" value={k.guardrail} onChange={(e) => setKpi(i, { guardrail: e.target.value })} />
        </fieldset>
      ))}
      <Button variant="secondary" onClick={() => setKpis([...kpis, { metric: 'HAND_DRAFTING_RATE', baseline: '', target: '', guardrail: '' }])}>{lt('experiment.addKpi')}</Button>
      <ErrorMessage error={error} />
      <Button busy={busy} onClick={submit}>{lt('experiment.start')}</Button>
    </section>
  );
}
