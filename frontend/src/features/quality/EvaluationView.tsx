import { useI18n, type MessageKey } from '../../lib/i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import { TableWrap } from '../../components/TableWrap';
import type { Comparison, ComparisonSide, ComparisonTotals } from './api';
import { euros } from './text';

/** The run's progress: drafted cases out of the reference set, as a native progress bar with its figures. */
export function EvaluationProgress({ comparison }: { comparison: Comparison }) {
  const { t } = useI18n();
  const { doneCases, totalCases, status } = comparison;
  const label = t('quality.progress', { done: doneCases, total: totalCases });
  return (
    <div className="evaluation-progress" data-testid="evaluation-progress" data-status={status}>
      <label htmlFor={`progress-${comparison.id}`}>{t(`quality.runStatus.${status}` as MessageKey)}</label>
      <progress id={`progress-${comparison.id}`} max={Math.max(1, totalCases)} value={totalCases === 0 ? 1 : doneCases} aria-valuetext={label}>
        {label}
      </progress>
      <span className="muted small">{label}</span>
    </div>
  );
}

type Metric = {
  key: MessageKey;
  value: (t: ComparisonTotals) => number | null;
  show: (v: number | null) => string;
  /** lower is better (distance, findings, cost…); false: higher is better; null: neither */
  lowerIsBetter: boolean | null;
};

/**
 * An evaluation run as the AI referent reads it: the two versions, the totals side by side (edit distance
 * to the approved text, guardrail findings, length, sources cited, cost, energy, latency), then each
 * reference case with both new drafts (pseudonymised) beside the approved text.
 */
export function EvaluationView({ comparison }: { comparison: Comparison }) {
  const { t, lang, locale } = useI18n();
  const c = comparison;
  const metrics: Metric[] = [
    { key: 'quality.metric.distance', value: (x) => x.meanEditDistance, show: (v) => formatNumber(v, locale, 3), lowerIsBetter: true },
    { key: 'quality.metric.findings', value: (x) => x.guardrailFindings, show: (v) => formatNumber(v, locale, 0), lowerIsBetter: true },
    { key: 'quality.metric.blocking', value: (x) => x.blockingFindings, show: (v) => formatNumber(v, locale, 0), lowerIsBetter: true },
    { key: 'quality.metric.length', value: (x) => x.meanLength, show: (v) => formatNumber(v, locale, 0), lowerIsBetter: null },
    { key: 'quality.metric.sources', value: (x) => x.meanSourcesCited, show: (v) => formatNumber(v, locale, 2), lowerIsBetter: false },
    { key: 'quality.metric.cost', value: (x) => x.costEur, show: (v) => euros(v, locale), lowerIsBetter: true },
    { key: 'quality.metric.energy', value: (x) => x.energyWh, show: (v) => formatNumber(v, locale, 3), lowerIsBetter: true },
    { key: 'quality.metric.latency', value: (x) => x.meanLatencyMs, show: (v) => formatNumber(v, locale, 0), lowerIsBetter: true },
    { key: 'quality.metric.drafted', value: (x) => x.drafted, show: (v) => formatNumber(v, locale, 0), lowerIsBetter: null },
    { key: 'quality.metric.failed', value: (x) => x.failed, show: (v) => formatNumber(v, locale, 0), lowerIsBetter: true },
  ];
  const base = c.baselineTotals;
  return (
    <div className="stack">
      <section className="panel" aria-labelledby={`evaluation-${c.id}-title`}>
        <h2 id={`evaluation-${c.id}-title`}>{t('quality.evaluationTitle', { id: c.id })}</h2>
        <dl className="facts">
          <div>
            <dt>{t('quality.useCase')}</dt>
            <dd>{lang === 'en' && c.useCaseNameEn ? c.useCaseNameEn : c.useCaseName}</dd>
          </div>
          <div>
            <dt>{t('quality.candidate')}</dt>
            <dd data-testid="candidate-label">
              {c.candidate.label} {c.candidate.model ? `(${c.candidate.model})` : ''}
            </dd>
          </div>
          <div>
            <dt>{t('quality.baseline')}</dt>
            <dd data-testid="baseline-label">{c.baseline ? c.baseline.label : t('quality.noBaseline')}</dd>
          </div>
          <div>
            <dt>{t('quality.referenceSet')}</dt>
            <dd>{t('quality.referenceSetValue', { cases: c.cases.length, asked: c.referenceSize })}</dd>
          </div>
          <div>
            <dt>{t('quality.provider')}</dt>
            <dd>{c.provider ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('quality.requestedAt')}</dt>
            <dd>{formatDateTime(c.createdAt, locale)}</dd>
          </div>
          {c.decision ? (
            <div>
              <dt>{t('quality.decision')}</dt>
              <dd data-testid="evaluation-decision">
                {t(`quality.decision.${c.decision}` as MessageKey)} — {c.decidedBy}
                {c.decisionReason ? ` : ${c.decisionReason}` : ''}
              </dd>
            </div>
          ) : null}
        </dl>
        <EvaluationProgress comparison={c} />
        {c.cases.length === 0 ? <p className="alert alert-info">{t('quality.emptyReferenceSet')}</p> : null}
      </section>

      <section className="panel" aria-labelledby={`evaluation-${c.id}-totals`}>
        <h2 id={`evaluation-${c.id}-totals`}>{t('quality.totals')}</h2>
        <p className="muted small">{t('quality.totalsHint')}</p>
        <TableWrap label={t('quality.totals')}>
          <table className="table" data-testid="evaluation-totals">
            <caption className="visually-hidden">{t('quality.totals')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('quality.metric')}</th>
                <th scope="col">{t('quality.candidateShort', { label: c.candidate.label })}</th>
                {base ? <th scope="col">{t('quality.baselineShort', { label: c.baseline?.label ?? '' })}</th> : null}
                {base ? <th scope="col">{t('quality.difference')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {metrics.map((m) => {
                const cand = m.value(c.candidateTotals);
                const prev = base ? m.value(base) : null;
                const diff = cand !== null && prev !== null ? cand - prev : null;
                const better = diff === null || diff === 0 || m.lowerIsBetter === null ? null : (diff < 0) === m.lowerIsBetter;
                return (
                  <tr key={m.key}>
                    <th scope="row">{t(m.key)}</th>
                    <td>{m.show(cand)}</td>
                    {base ? <td>{m.show(prev)}</td> : null}
                    {base ? (
                      <td>
                        {diff === null ? '—' : `${diff > 0 ? '+' : ''}${m.show(diff)}`}
                        {better === null ? null : <span className={better ? 'delta delta-better' : 'delta delta-worse'}> {t(better ? 'quality.better' : 'quality.worse')}</span>}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      </section>

      {c.cases.length > 0 ? (
        <section className="panel" aria-labelledby={`evaluation-${c.id}-cases`}>
          <h2 id={`evaluation-${c.id}-cases`}>{t('quality.perCase')}</h2>
          <TableWrap label={t('quality.perCase')}>
            <table className="table" data-testid="evaluation-cases">
              <caption className="visually-hidden">{t('quality.perCase')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('quality.case')}</th>
                  <th scope="col">{t('quality.side')}</th>
                  <th scope="col">{t('quality.metric.distance')}</th>
                  <th scope="col">{t('quality.metric.findings')}</th>
                  <th scope="col">{t('quality.metric.length')}</th>
                  <th scope="col">{t('quality.metric.sources')}</th>
                  <th scope="col">{t('quality.metric.cost')}</th>
                  <th scope="col">{t('quality.metric.energy')}</th>
                  <th scope="col">{t('quality.metric.latency')}</th>
                </tr>
              </thead>
              <tbody>
                {c.cases.flatMap((row) => {
                  const sides: [string, ComparisonSide | null][] = [[c.candidate.label, row.candidate]];
                  if (c.baseline) sides.push([c.baseline.label, row.baseline]);
                  return sides.map(([label, side], i) => (
                    <tr key={`${row.caseId}-${label}`}>
                      {i === 0 ? (
                        <th scope="rowgroup" rowSpan={sides.length}>
                          {t('quality.caseNumber', { position: row.position, id: row.caseId })}
                        </th>
                      ) : null}
                      <td>{label}</td>
                      {side && side.status === 'DONE' ? (
                        <>
                          <td>{formatNumber(side.editDistance, locale, 3)}</td>
                          <td>{formatNumber(side.guardrailFindings, locale, 0)}</td>
                          <td>{formatNumber(side.length, locale, 0)}</td>
                          <td>{formatNumber(side.sourcesCited, locale, 0)}</td>
                          <td>{euros(side.costEur, locale)}</td>
                          <td>{formatNumber(side.energyWh, locale, 3)}</td>
                          <td>{formatNumber(side.latencyMs, locale, 0)}</td>
                        </>
                      ) : (
                        <td colSpan={7}>{side?.status === 'FAILED' ? t('quality.failed', { reason: side.failure ?? '' }) : t('quality.pending')}</td>
                      )}
                    </tr>
                  ));
                })}
              </tbody>
            </table>
          </TableWrap>
          {c.cases.map((row) => (
            <details key={row.caseId} className="evaluation-texts">
              <summary>{t('quality.textsOf', { position: row.position, id: row.caseId })}</summary>
              <div className="three-columns">
                <div>
                  <h3>{t('quality.approvedText')}</h3>
                  <p className="letter small">{row.approvedText}</p>
                </div>
                <div>
                  <h3>{c.candidate.label}</h3>
                  <p className="letter small">{row.candidate?.text ?? '—'}</p>
                </div>
                {c.baseline ? (
                  <div>
                    <h3>{c.baseline.label}</h3>
                    <p className="letter small">{row.baseline?.text ?? '—'}</p>
                  </div>
                ) : null}
              </div>
            </details>
          ))}
        </section>
      ) : null}
    </div>
  );
}
