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
import { lifecycleApi, type Directorate, type PortfolioHistory, type Project, type RankedProject, type Stage, type Weights } from '../api';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useLt } from '../text';

const STAGES: Stage[] = ['SCORING', 'ETHICS', 'EXPERIMENT', 'ROLLOUT_PLANNING', 'ROLLOUT', 'PRODUCTION', 'NOT_SELECTED', 'STOPPED', 'REJECTED'];

/** Directorates: ranked projects with their score breakdown, a value-vs-impact chart, scoring and selection. */
export function PortfolioPage() {
  const lt = useLt();
  const { locale } = useI18n();
  const { user } = useAuth();
  const [directorate, setDirectorate] = useState('');
  const [stage, setStage] = useState('');
  // a past day: the ranking as it stood at its end, recomputed from the history (issue 14)
  const [at, setAt] = useState('');
  const ranking = useQuery(`portfolio/${directorate}/${stage}/${at}`, (s) => lifecycleApi.ranking(directorate, stage, at, s));
  const history = useQuery(`portfolio/history/${directorate}`, (s) => lifecycleApi.history(directorate, s));
  const directorates = useQuery('directorates', (s) => lifecycleApi.directorates(s));
  const isDirectorate = !!user && hasRole(user, 'DIRECTORATE');
  const projects = useQuery(`projects/${isDirectorate}`, (s) => (isDirectorate ? lifecycleApi.projects(s) : Promise.resolve([] as Project[])));
  const toScore = (projects.data ?? []).filter((p) => p.stage === 'SCORING');
  const reload = () => {
    ranking.reload();
    projects.reload();
    history.reload();
    directorates.reload();
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
        <TextField label={lt('portfolio.at')} hint={lt('portfolio.at.hint')} type="date" value={at} onChange={(e) => setAt(e.target.value)} />
      </div>
      {at ? <p role="status">{lt('portfolio.at.shown', { date: at })}</p> : null}
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
                  <th scope="col">{lt('portfolio.col.risk')}</th>
                  <th scope="col">{lt('portfolio.col.decision')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.projectId}>
                    <td>{r.rank}</td>
                    <th scope="row">
                      n° {r.projectId} — {r.title}
                      <br />
                      <small>{lt(`stage.${r.stage}`)}</small>
                      {/* the score's parts on demand: the table fits 1,366 pixels (issue 19) */}
                      <details className="portfolio-details">
                        <summary>{lt('portfolio.details')}</summary>
                        <dl className="facts-inline">
                          <div><dt>{lt('portfolio.col.value')}</dt><dd>{formatNumber(r.score.valueScore, locale)}</dd></div>
                          <div><dt>{lt('portfolio.col.cost')}</dt><dd>{formatNumber(r.score.costScore, locale)}</dd></div>
                          <div><dt>{lt('portfolio.col.feasibility')}</dt><dd>{formatNumber(r.score.feasibilityScore, locale)}</dd></div>
                          <div><dt>{lt('portfolio.col.environment')}</dt><dd>{formatNumber(r.score.environmentScore, locale)}</dd></div>
                          <div><dt>{lt('portfolio.col.footprint')}</dt><dd>{formatNumber(r.score.energyKwhMax, locale)} kWh · {formatNumber(r.score.kgco2eMax, locale)} kgCO2e</dd></div>
                        </dl>
                        <small>{lt('portfolio.weightsInForce', { weights: weightsText(lt, r.weights) })}</small>
                      </details>
                    </th>
                    <td><strong>{formatNumber(r.total, locale)}</strong></td>
                    <td>{riskWord(lt, r.score.riskTier)} ({formatNumber(r.score.riskScore, locale)})</td>
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
          {toScore.map((p) => <ScoreCard key={p.id} project={p} onDone={reload} onScored={history.reload} />)}
        </>
      ) : null}
      {isDirectorate && directorates.data && directorates.data.length > 0 ? (
        <WeightsCard directorates={directorates.data} initial={directorate} onDone={reload} />
      ) : null}
      <HistorySection history={history.data} error={history.error} directorates={directorates.data ?? []} titles={new Map((projects.data ?? []).map((p) => [p.id, p.title]))} ranked={rows} />
    </>
  );
}

type Lt = ReturnType<typeof useLt>;

/** A directorate's five weights in words (0 decimals when whole). */
function weightsText(lt: Lt, w: Weights): string {
  return lt('portfolio.weightsText', { value: w.value, cost: w.cost, feasibility: w.feasibility, environment: w.environment, risk: w.risk });
}

/** The directorate changes its weights, with a reason; the ranking applies them at once and the history keeps the change. */
function WeightsCard({ directorates, initial, onDone }: { directorates: Directorate[]; initial: string; onDone: () => void }) {
  const lt = useLt();
  const [code, setCode] = useState(initial || directorates[0].code);
  const current = directorates.find((d) => d.code === code) ?? directorates[0];
  const [w, setW] = useState({ value: String(current.wValue), cost: String(current.wCost), feasibility: String(current.wFeasibility), environment: String(current.wEnvironment), risk: String(current.wRisk) });
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const choose = (next: string) => {
    const d = directorates.find((x) => x.code === next) ?? directorates[0];
    setCode(d.code);
    setW({ value: String(d.wValue), cost: String(d.wCost), feasibility: String(d.wFeasibility), environment: String(d.wEnvironment), risk: String(d.wRisk) });
  };
  const set = (k: keyof typeof w) => (e: { target: { value: string } }) => setW({ ...w, [k]: e.target.value });
  const save = async () => {
    setBusy(true);
    setError(undefined);
    setStatus(undefined);
    try {
      const saved = await lifecycleApi.changeWeights(code, {
        value: Number(w.value), cost: Number(w.cost), feasibility: Number(w.feasibility), environment: Number(w.environment), risk: Number(w.risk), reason,
      });
      setStatus(lt('portfolio.weights.saved', { name: saved.name }));
      setReason('');
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="weights-title">
      <h2 id="weights-title">{lt('portfolio.weights.title')}</h2>
      <p>{lt('portfolio.weights.intro')}</p>
      <div className="grid-2">
        <SelectField label={lt('portfolio.filter.directorate')} value={code} onChange={(e) => choose(e.target.value)}>
          {directorates.map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
        </SelectField>
        <TextField label={lt('portfolio.col.value')} type="number" min={0} max={1000} value={w.value} onChange={set('value')} />
        <TextField label={lt('portfolio.col.cost')} type="number" min={0} max={1000} value={w.cost} onChange={set('cost')} />
        <TextField label={lt('portfolio.col.feasibility')} type="number" min={0} max={1000} value={w.feasibility} onChange={set('feasibility')} />
        <TextField label={lt('portfolio.col.environment')} type="number" min={0} max={1000} value={w.environment} onChange={set('environment')} />
        <TextField label={lt('portfolio.col.risk')} type="number" min={0} max={1000} value={w.risk} onChange={set('risk')} />
      </div>
      <TextAreaField label={lt('portfolio.weights.reason')} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} required />
      <ErrorMessage error={error} />
      {status ? <p role="status">{status}</p> : null}
      <Button busy={busy} onClick={save}>{lt('portfolio.weights.submit')}</Button>
    </section>
  );
}

/** Every scoring and every weights change, oldest first: the ranking of any day can be explained from it. */
function HistorySection({ history, error, directorates, titles, ranked }: {
  history: PortfolioHistory | undefined;
  error: unknown;
  directorates: Directorate[];
  titles: Map<number, string>;
  ranked: RankedProject[];
}) {
  const lt = useLt();
  const { locale } = useI18n();
  const names = new Map(directorates.map((d) => [d.code, d.name]));
  const projectTitles = new Map(titles);
  ranked.forEach((r) => projectTitles.set(r.projectId, r.title));
  const empty = history && history.scores.length === 0 && history.weights.length === 0;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{lt('portfolio.history.title')}</h2>
      <p>{lt('portfolio.history.intro')}</p>
      <ErrorMessage error={error} />
      {empty ? <p>{lt('portfolio.history.empty')}</p> : null}
      {history && history.weights.length > 0 ? (
        <TableWrap label={lt('portfolio.history.weights.caption')}>
          <table className="table">
            <caption>{lt('portfolio.history.weights.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{lt('portfolio.history.col.when')}</th>
                <th scope="col">{lt('portfolio.history.col.directorate')}</th>
                <th scope="col">{lt('portfolio.history.col.weights')}</th>
                <th scope="col">{lt('portfolio.history.col.by')}</th>
                <th scope="col">{lt('portfolio.history.col.why')}</th>
              </tr>
            </thead>
            <tbody>
              {history.weights.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{formatDateTime(c.changedAt, locale)}</th>
                  <td>{names.get(c.directorateCode) ?? c.directorateCode}</td>
                  <td>{weightsText(lt, { value: c.wValue, cost: c.wCost, feasibility: c.wFeasibility, environment: c.wEnvironment, risk: c.wRisk })}</td>
                  <td>{c.changedBy}</td>
                  <td>{c.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      {history && history.scores.length > 0 ? (
        <TableWrap label={lt('portfolio.history.scores.caption')}>
          <table className="table">
            <caption>{lt('portfolio.history.scores.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{lt('portfolio.history.col.when')}</th>
                <th scope="col">{lt('portfolio.history.col.project')}</th>
                <th scope="col">{lt('portfolio.history.col.total')}</th>
                <th scope="col">{lt('portfolio.col.value')}</th>
                <th scope="col">{lt('portfolio.col.cost')}</th>
                <th scope="col">{lt('portfolio.col.feasibility')}</th>
                <th scope="col">{lt('portfolio.col.environment')}</th>
                <th scope="col">{lt('portfolio.col.risk')}</th>
                <th scope="col">{lt('portfolio.history.col.by')}</th>
                <th scope="col">{lt('portfolio.history.col.why')}</th>
              </tr>
            </thead>
            <tbody>
              {history.scores.map((s) => (
                <tr key={s.id} data-score={s.id}>
                  <th scope="row">{formatDateTime(s.scoredAt, locale)}</th>
                  <td>n° {s.projectId}{projectTitles.get(s.projectId) ? ` — ${projectTitles.get(s.projectId)}` : ''}</td>
                  <td><strong>{formatNumber(s.totalScore, locale)}</strong><br /><small>{s.weights}</small></td>
                  <td>{formatNumber(s.valueScore, locale)}</td>
                  <td>{formatNumber(s.costScore, locale)}</td>
                  <td>{formatNumber(s.feasibilityScore, locale)}</td>
                  <td>{formatNumber(s.environmentScore, locale)}</td>
                  <td>{riskWord(lt, s.riskTier)} ({formatNumber(s.riskScore, locale)})</td>
                  <td>{s.scoredBy}</td>
                  <td>{s.reason ?? lt('portfolio.history.first')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
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

function ScoreCard({ project, onDone, onScored }: { project: Project; onDone: () => void; onScored: () => void }) {
  const lt = useLt();
  const { locale } = useI18n();
  const [f, setF] = useState({ casesPerYear: '12000', minutesSavedPerCase: '10', memberBenefit: '3', buildCostEur: '20000',
    model: 'mistral-small', inputTokensPerCase: '1500', outputTokensPerCase: '500', feasibility: '3', riskTier: 'LIMITED' });
  const [rationale, setRationale] = useState('');
  const [reason, setReason] = useState('');
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
      outputTokensPerCase: Number(f.outputTokensPerCase), feasibility: Number(f.feasibility), reason: reason.trim() || undefined,
    });
    setReason('');
    onScored();
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
          {(['MINIMAL', 'LIMITED', 'HIGH', 'UNACCEPTABLE'] as const).map((r) => <option key={r} value={r}>{lt(`risk.${r}`)}</option>)}
        </SelectField>
      </div>
      <TextField label={lt('portfolio.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
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

const RISK_TIERS = ['MINIMAL', 'LIMITED', 'HIGH', 'UNACCEPTABLE'] as const;

/** An AI Act risk tier in the reader's words (« limité »), its code when this screen does not know it. */
function riskWord(lt: ReturnType<typeof useLt>, tier: string): string {
  const known = RISK_TIERS.find((r) => r === tier);
  return known ? lt(`risk.${known}`) : tier;
}
