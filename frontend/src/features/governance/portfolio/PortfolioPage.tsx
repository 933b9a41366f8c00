import { useState } from 'react';
import { Button } from '../../../components/Button';
import { ScatterChart } from '../../../components/charts';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { TableWrap } from '../../../components/TableWrap';
import { hasRole, useAuth } from '../../../lib/auth/context';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/useQuery';
import { lifecycleApi, type Project, type RankedProject, type Stage } from '../api';
import { formatNumber } from '../../../lib/format';
import { useLt } from '../text';

const STAGES: Stage[] = ['SCORING', 'ETHICS', 'EXPERIMENT', 'ROLLOUT_PLANNING', 'ROLLOUT', 'PRODUCTION', 'NOT_SELECTED', 'STOPPED', 'REJECTED'];

/** Directorates: ranked projects with their score breakdown, a value-vs-impact chart, scoring and selection. */
export function PortfolioPage() {
  const lt = useLt();
  const { locale } = useI18n();
  const { user } = useAuth();
  const [directorate, setDirectorate] = useState('');
  const [stage, setStage] = useState('');
  const ranking = useQuery(`portfolio/${directorate}/${stage}`, (s) => lifecycleApi.ranking(directorate, stage, s));
  const directorates = useQuery('directorates', (s) => lifecycleApi.directorates(s));
  const isDirectorate = !!user && hasRole(user, 'DIRECTORATE');
  const projects = useQuery(`projects/${isDirectorate}`, (s) => (isDirectorate ? lifecycleApi.projects(s) : Promise.resolve([] as Project[])));
  const toScore = (projects.data ?? []).filter((p) => p.stage === 'SCORING');
  const reload = () => {
    ranking.reload();
    projects.reload();
  };
  const rows = ranking.data ?? [];
  return (
    <>
      <PageTitle title={lt('portfolio.title')}>{lt('portfolio.title')}</PageTitle>
      <p>{lt('portfolio.intro')}</p>
      <div className="filters">
        <SelectField label={lt('portfolio.filter.directorate')} value={directorate} onChange={(e) => setDirectorate(e.target.value)}>
          <option value="">{lt('portfolio.filter.all')}</option>
          {(directorates.data ?? []).map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
        </SelectField>
        <SelectField label={lt('portfolio.filter.stage')} value={stage} onChange={(e) => setStage(e.target.value)}>
          <option value="">{lt('portfolio.filter.all')}</option>
          {STAGES.map((s) => <option key={s} value={s}>{lt(`stage.${s}`)}</option>)}
        </SelectField>
      </div>
      {ranking.loading ? <Loading /> : null}
      <ErrorMessage error={ranking.error} onRetry={ranking.reload} />
      {ranking.data && rows.length === 0 ? <p>{lt('portfolio.empty')}</p> : null}
      {rows.length > 0 ? (
        <>
          <TableWrap label={lt('portfolio.caption')}>
            <table className="table">
              <caption>{lt('portfolio.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{lt('portfolio.col.rank')}</th>
                  <th scope="col">{lt('portfolio.col.project')}</th>
                  <th scope="col">{lt('portfolio.col.total')}</th>
                  <th scope="col">{lt('portfolio.col.value')}</th>
                  <th scope="col">{lt('portfolio.col.cost')}</th>
                  <th scope="col">{lt('portfolio.col.feasibility')}</th>
                  <th scope="col">{lt('portfolio.col.environment')}</th>
                  <th scope="col">{lt('portfolio.col.risk')}</th>
                  <th scope="col">{lt('portfolio.col.footprint')}</th>
                  <th scope="col">{lt('portfolio.col.decision')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.projectId}>
                    <td>{r.rank}</td>
                    <th scope="row">n° {r.projectId} — {r.title}<br /><small>{lt(`stage.${r.stage}`)} · {r.score.weights}</small></th>
                    <td><strong>{formatNumber(r.score.totalScore, locale)}</strong></td>
                    <td>{formatNumber(r.score.valueScore, locale)}</td>
                    <td>{formatNumber(r.score.costScore, locale)}</td>
                    <td>{formatNumber(r.score.feasibilityScore, locale)}</td>
                    <td>{formatNumber(r.score.environmentScore, locale)}</td>
                    <td>{r.score.riskTier} ({formatNumber(r.score.riskScore, locale)})</td>
                    <td>{formatNumber(r.score.energyKwhMax, locale)} kWh · {formatNumber(r.score.kgco2eMax, locale)} kgCO2e</td>
                    <td>{r.selection ? `${r.selection === 'SELECT' ? lt('portfolio.select') : lt('portfolio.decline')} (${r.selectedBy}) — ${r.selectionRationale ?? ''}` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <ValueImpactChart rows={rows} />
        </>
      ) : null}
      {isDirectorate && toScore.length > 0 ? (
        <>
          <h2>{lt('portfolio.toScore')}</h2>
          {toScore.map((p) => <ScoreCard key={p.id} project={p} onDone={reload} />)}
        </>
      ) : null}
    </>
  );
}

/** Each project as a dot, value against environmental impact; the ranking table above carries the same numbers. */
function ValueImpactChart({ rows }: { rows: RankedProject[] }) {
  const lt = useLt();
  const { locale } = useI18n();
  return (
    <figure className="card chart">
      <figcaption><strong>{lt('portfolio.chart.title')}</strong> — {lt('portfolio.chart.desc')}</figcaption>
      <ScatterChart
        label={lt('portfolio.chart.title')}
        locale={locale}
        xLabel={lt('portfolio.chart.x')}
        yLabel={lt('portfolio.chart.y')}
        domain={[0, 100]}
        points={rows.map((r) => ({ id: r.projectId, x: r.score.valueScore, y: r.score.environmentScore, name: `n° ${r.projectId} — ${r.title}` }))}
      />
    </figure>
  );
}

function ScoreCard({ project, onDone }: { project: Project; onDone: () => void }) {
  const lt = useLt();
  const { locale } = useI18n();
  const [f, setF] = useState({ casesPerYear: '12000', minutesSavedPerCase: '10', memberBenefit: '3', buildCostEur: '20000',
    model: 'mistral-small', inputTokensPerCase: '1500', outputTokensPerCase: '500', feasibility: '3', riskTier: 'LIMITED' });
  const [rationale, setRationale] = useState('');
  const [scored, setScored] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const run = async (call: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await call();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const score = () => run(async () => {
    const s = await lifecycleApi.score(project.id, {
      ...f, casesPerYear: Number(f.casesPerYear), minutesSavedPerCase: Number(f.minutesSavedPerCase),
      memberBenefit: Number(f.memberBenefit), buildCostEur: Number(f.buildCostEur), inputTokensPerCase: Number(f.inputTokensPerCase),
      outputTokensPerCase: Number(f.outputTokensPerCase), feasibility: Number(f.feasibility),
    });
    setScored(lt('portfolio.scored', { total: formatNumber(s.totalScore, locale), kwh: formatNumber(s.energyKwhMax, locale, 2), kg: formatNumber(s.kgco2eMax, locale, 2) }));
  });
  const decide = (d: 'SELECT' | 'DECLINE') => run(async () => {
    await lifecycleApi.select(project.id, d, rationale);
    onDone();
  });
  return (
    <section className="card" aria-labelledby={`score-${project.id}`}>
      <h3 id={`score-${project.id}`}>n° {project.id} — {project.title}</h3>
      {project.necessity ? <p><em>{project.necessity}</em></p> : null}
      <div className="grid-2">
        <TextField label={lt('portfolio.field.casesPerYear')} type="number" value={f.casesPerYear} onChange={set('casesPerYear')} />
        <TextField label={lt('portfolio.field.minutesSaved')} type="number" value={f.minutesSavedPerCase} onChange={set('minutesSavedPerCase')} />
        <TextField label={lt('portfolio.field.memberBenefit')} type="number" min={0} max={5} value={f.memberBenefit} onChange={set('memberBenefit')} />
        <TextField label={lt('portfolio.field.buildCost')} type="number" value={f.buildCostEur} onChange={set('buildCostEur')} />
        <TextField label={lt('portfolio.field.model')} value={f.model} onChange={set('model')} />
        <TextField label={lt('portfolio.field.inputTokens')} type="number" value={f.inputTokensPerCase} onChange={set('inputTokensPerCase')} />
        <TextField label={lt('portfolio.field.outputTokens')} type="number" value={f.outputTokensPerCase} onChange={set('outputTokensPerCase')} />
        <TextField label={lt('portfolio.field.feasibility')} type="number" min={1} max={5} value={f.feasibility} onChange={set('feasibility')} />
        <SelectField label={lt('portfolio.field.risk')} value={f.riskTier} onChange={set('riskTier')}>
          {['MINIMAL', 'LIMITED', 'HIGH', 'UNACCEPTABLE'].map((r) => <option key={r} value={r}>{r}</option>)}
        </SelectField>
      </div>
      <Button variant="secondary" busy={busy} onClick={score}>{lt('portfolio.score')}</Button>
      {scored ? <p role="status">{scored}</p> : null}
      <TextAreaField label={lt('portfolio.rationale')} value={rationale} onChange={(e) => setRationale(e.target.value)} rows={2} required />
      <div className="form-actions form-actions-start">
        <Button busy={busy} onClick={() => decide('SELECT')}>{lt('portfolio.select')}</Button>
        <Button variant="secondary" busy={busy} onClick={() => decide('DECLINE')}>{lt('portfolio.decline')}</Button>
      </div>
      <ErrorMessage error={error} />
    </section>
  );
}
