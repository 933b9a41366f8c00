import { useI18n } from '../../../lib/i18n';
import type { KpiValue } from '../api';
import { formatNumber } from '../../../lib/format';
import { useLt } from '../text';

/** One KPI: pilot against control, its target and guardrail, an alert when crossed. */
export function KpiCard({ kpi }: { kpi: KpiValue }) {
  const lt = useLt();
  const { locale } = useI18n();
  const f = (v: number | null) => (v === null ? '—' : `${formatNumber(v, locale)} ${kpi.unit}`);
  return (
    <article className={`card kpi${kpi.guardrailCrossed ? ' kpi-alert' : ''}`} data-metric={kpi.metric} aria-label={kpi.label}>
      <h3>{kpi.label}</h3>
      <p>
        <strong>{lt('experiment.pilot')} : {f(kpi.pilot)}</strong> ({lt('experiment.cases', { n: kpi.pilotCases })})
        <br />
        {lt('experiment.control')} : {f(kpi.control)} ({lt('experiment.cases', { n: kpi.controlCases })})
      </p>
      <p>
        {lt('experiment.target', { value: f(kpi.target) })} · {lt('experiment.guardrail', { value: f(kpi.guardrail) })}
      </p>
      {kpi.guardrailCrossed ? <p role="alert" className="alert alert-error">{lt('experiment.guardrailCrossed')}</p> : null}
      {kpi.meetsTarget ? <p className="alert alert-success">{lt('experiment.targetMet')}</p> : null}
    </article>
  );
}
