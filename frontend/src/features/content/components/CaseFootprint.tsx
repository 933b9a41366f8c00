import { useI18n } from '../../../lib/i18n';
import type { FootprintTotals } from '../../../types/api';

/**
 * What the AI steps of this case consumed (proposals 18–19): calls, tokens, cost, energy and
 * emissions, as ranges where the model's size is not public. The offline drafter costs nothing.
 */
export function CaseFootprint({ footprint }: { footprint: FootprintTotals }) {
  const { t, locale } = useI18n();
  const number = (value: number, digits = 0) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
  const range = (min: number, max: number, digits: number) =>
    min === max ? number(min, digits) : `${number(min, digits)} – ${number(max, digits)}`;
  const co2Min = (footprint.usageKgCo2eMin + footprint.embodiedKgCo2eMin) * 1000;
  const co2Max = (footprint.usageKgCo2eMax + footprint.embodiedKgCo2eMax) * 1000;
  return (
    <section className="panel" aria-labelledby="footprint-title">
      <h2 id="footprint-title">{t('footprint.caseTitle')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('footprint.calls')}</dt>
          <dd>
            {number(footprint.calls)}
            {footprint.offlineCalls > 0 ? ` (${t('footprint.offline', { count: footprint.offlineCalls })})` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('footprint.tokens')}</dt>
          <dd>{number(footprint.inputTokens + footprint.outputTokens)}</dd>
        </div>
        <div>
          <dt>{t('footprint.cost')}</dt>
          <dd>{number(Number(footprint.costEur), 4)} €</dd>
        </div>
        <div>
          <dt>{t('footprint.energy')}</dt>
          <dd>{range(footprint.energyWhMin, footprint.energyWhMax, 3)} Wh</dd>
        </div>
        <div>
          <dt>{t('footprint.co2')}</dt>
          <dd>{range(co2Min, co2Max, 3)} g CO2e</dd>
        </div>
      </dl>
      {footprint.callsWithoutEstimate > 0 ? (
        <p className="muted small">{t('footprint.withoutEstimate', { count: footprint.callsWithoutEstimate })}</p>
      ) : null}
    </section>
  );
}
