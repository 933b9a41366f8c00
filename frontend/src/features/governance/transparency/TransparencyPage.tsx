import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { TableWrap } from '../../../components/TableWrap';
import { useI18n } from '../../../lib/i18n';
import { useAuth } from '../../../lib/auth/context';
import { formatDateTime, formatNumber, formatPercent } from '../../../lib/format';
import { Link } from '../../../lib/router';
import { useQuery } from '../../../lib/useQuery';
import {
  transparencyApi, type DisclosureRule, type MonthlyFootprint, type PublicAiProvider, type PublicOpening, type TransparencyReport,
} from './api';
import { FootprintChart, monthLabel, range } from './FootprintChart';
import { has, useTt } from './text';
import { VerifyContent } from './VerifyContent';

/**
 * The public page on our use of generative AI (proposals 22–24), readable without logging in:
 * every figure comes from GET /api/public/transparency, so it follows the configuration.
 */
export function TransparencyPage() {
  const tt = useTt();
  const { locale } = useI18n();
  const { user } = useAuth();
  const report = useQuery('public/transparency', (s) => transparencyApi.report(s));
  return (
    <div className="transparency">
      <PageTitle title={tt('title')}>{tt('title')}</PageTitle>
      <p className="lead">{tt('intro')}</p>
      {report.loading ? <Loading /> : null}
      {!report.loading && !report.data ? <ErrorMessage error={report.error} onRetry={report.reload} /> : null}
      {report.data ? <Report data={report.data} /> : null}
      {report.data ? <p className="muted">{tt('updated', { date: formatDateTime(report.data.generatedAt, locale) })}</p> : null}
      {user ? null : <p><Link to="/login">{tt('login')}</Link></p>}
    </div>
  );
}

function Report({ data }: { data: TransparencyReport }) {
  const tt = useTt();
  const { lang } = useI18n();
  // the use cases whose contents reach members without a person checking each one (the chatbot)
  const unattended = data.useCases.filter((u) => !u.humanReview).map((u) => `« ${lang === 'en' && u.nameEn ? u.nameEn : u.name} »`);
  return (
    <>
      <UseCases data={data} />
      <Exceptions openings={data.exceptions} />
      <section aria-labelledby="model-title" className="card">
        <h2 id="model-title">{tt('model.title')}</h2>
        <Provider provider={data.provider} />
      </section>
      <section aria-labelledby="data-title" className="card">
        <h2 id="data-title">{tt('data.title')}</h2>
        <p>{has(`data.${data.pseudonymisation}`) ? tt(`data.${data.pseudonymisation}` as 'data.NO_MODEL') : data.pseudonymisation}</p>
        <p>{tt('data.human')}</p>
        {unattended.length > 0 ? <p>{tt('data.unattended', { names: unattended.join(', ') })}</p> : null}
      </section>
      <Disclosure rules={data.disclosureRules} />
      <VerifyContent />
      <Footprint months={data.footprint} />
    </>
  );
}

function Provider({ provider }: { provider: PublicAiProvider }) {
  const tt = useTt();
  if (provider.kind === 'OFFLINE') return <p>{tt('model.offline')}</p>;
  const onPremises = provider.kind === 'ON_PREMISES';
  const hosting = onPremises
    ? provider.hostingCountry ? `${tt('model.onPremises')} (${provider.hostingCountry})` : tt('model.onPremises')
    : provider.hostingCountry ?? tt('model.unknownCountry');
  return (
    <dl className="facts">
      <div><dt>{tt('model.provider')}</dt><dd>{provider.providerName ?? tt('model.ownServers')}</dd></div>
      <div><dt>{tt('model.name')}</dt><dd>{provider.model ?? '—'}</dd></div>
      <div><dt>{tt('model.hosting')}</dt><dd>{hosting}</dd></div>
    </dl>
  );
}

function UseCases({ data }: { data: TransparencyReport }) {
  const tt = useTt();
  const { lang } = useI18n();
  return (
    <section aria-labelledby="use-cases-title">
      <h2 id="use-cases-title">{tt('useCases.title')}</h2>
      {data.useCases.length === 0 ? <p>{tt('useCases.empty')}</p> : (
        <TableWrap label={tt('useCases.caption')}>
          <table className="table">
            <caption>{tt('useCases.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{tt('useCases.col.name')}</th>
                <th scope="col">{tt('useCases.col.purpose')}</th>
                <th scope="col">{tt('useCases.col.status')}</th>
                <th scope="col">{tt('useCases.col.model')}</th>
                <th scope="col">{tt('useCases.col.review')}</th>
              </tr>
            </thead>
            <tbody>
              {data.useCases.map((u) => {
                const category = u.category && has(`category.${u.category}`) ? tt(`category.${u.category}` as 'category.assistant') : u.category;
                const key = u.aiEntities === 1 ? `deployment.${u.deployment}.one` : `deployment.${u.deployment}`;
                const deployment = has(key) ? tt(key, { count: u.aiEntities ?? 0 }) : u.deployment;
                return (
                  <tr key={u.key} data-use-case={u.key}>
                    <th scope="row">
                      {lang === 'en' && u.nameEn ? u.nameEn : u.name}
                      {category ? <div className="muted">{category}</div> : null}
                    </th>
                    <td>{(lang === 'en' && u.purposeEn ? u.purposeEn : u.purpose) ?? '—'}</td>
                    <td>{deployment}</td>
                    <td>
                      {u.model ?? tt('useCases.noModel')}
                      {u.fallbackModel ? <div className="muted">{tt('useCases.fallback', { model: u.fallbackModel })}</div> : null}
                    </td>
                    <td>{u.humanReview ? tt('yes') : tt('no')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

/** Every opening of a use case without a project, in force or closed: the gate's exceptions are public. */
function Exceptions({ openings }: { openings: PublicOpening[] }) {
  const tt = useTt();
  const { lang, locale } = useI18n();
  return (
    <section aria-labelledby="exceptions-title">
      <h2 id="exceptions-title">{tt('exceptions.title')}</h2>
      <p>{tt('exceptions.intro')}</p>
      {openings.length === 0 ? <p>{tt('exceptions.empty')}</p> : (
        <TableWrap label={tt('exceptions.caption')}>
          <table className="table">
            <caption>{tt('exceptions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{tt('exceptions.col.useCase')}</th>
                <th scope="col">{tt('exceptions.col.opened')}</th>
                <th scope="col">{tt('exceptions.col.reason')}</th>
                <th scope="col">{tt('exceptions.col.closed')}</th>
              </tr>
            </thead>
            <tbody>
              {openings.map((o) => (
                <tr key={`${o.useCaseKey}-${o.openedAt}`} data-opening={o.useCaseKey}>
                  <th scope="row">{lang === 'en' && o.nameEn ? o.nameEn : o.name}</th>
                  <td>{formatDateTime(o.openedAt, locale)}</td>
                  <td>{o.reason}</td>
                  <td>{o.closedAt ? tt('exceptions.closed', { date: formatDateTime(o.closedAt, locale), reason: o.closeReason ?? '' }) : tt('exceptions.open')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function useRuleCondition(): (rule: DisclosureRule) => string {
  const tt = useTt();
  const { locale } = useI18n();
  return (rule) => {
    const who = rule.checkedByHuman === null ? tt('disclosure.any') : rule.checkedByHuman ? tt('disclosure.checked') : tt('disclosure.unchecked');
    const upper = rule.aiShareUpperOperator && rule.aiShareUpperThreshold !== null && has(`op.${rule.aiShareUpperOperator}`);
    if (rule.aiShareOperator && rule.aiShareThreshold !== null && upper && has(`op.${rule.aiShareOperator}`)) {
      return `${who}, ${tt('disclosure.between', {
        op: tt(`op.${rule.aiShareOperator}` as 'op.<'),
        percent: formatPercent(rule.aiShareThreshold, locale),
        op2: tt(`op.${rule.aiShareUpperOperator}` as 'op.<'),
        percent2: formatPercent(rule.aiShareUpperThreshold ?? 0, locale),
      })}.`;
    }
    if (rule.aiShareThreshold === 0 && (rule.aiShareOperator === '<=' || rule.aiShareOperator === '=')) {
      return `${who} : ${tt('disclosure.none')}.`;
    }
    if (rule.aiShareThreshold === 0 && rule.aiShareOperator === '>') {
      return `${who} : ${tt('disclosure.some')}.`;
    }
    if (rule.aiShareOperator && rule.aiShareThreshold !== null && has(`op.${rule.aiShareOperator}`)) {
      return `${who}, ${tt('disclosure.share', {
        op: tt(`op.${rule.aiShareOperator}` as 'op.<'),
        percent: formatPercent(rule.aiShareThreshold, locale),
      })}.`;
    }
    if (rule.aiShareExpression) return `${who} (${tt('disclosure.expression', { expression: rule.aiShareExpression })}).`;
    return `${who}.`;
  };
}

function Disclosure({ rules }: { rules: DisclosureRule[] }) {
  const tt = useTt();
  const condition = useRuleCondition();
  return (
    <section aria-labelledby="disclosure-title">
      <h2 id="disclosure-title">{tt('disclosure.title')}</h2>
      <p>{tt('disclosure.intro')}</p>
      <TableWrap label={tt('disclosure.caption')}>
        <table className="table">
          <caption>{tt('disclosure.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{tt('disclosure.col.when')}</th>
              <th scope="col">{tt('disclosure.col.label')}</th>
              <th scope="col">{tt('disclosure.col.sources')}</th>
              <th scope="col">{tt('disclosure.col.meaning')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.ruleId}>
                <th scope="row">{condition(r)}</th>
                <td>{r.label ? <q lang="fr">{r.label}</q> : tt('disclosure.noLabel')}</td>
                <td>{r.citeSources ? tt('yes') : tt('no')}</td>
                <td>{r.category && has(`meaning.${r.category}`) ? tt(`meaning.${r.category}` as 'meaning.HUMAN') : r.category}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function Footprint({ months }: { months: MonthlyFootprint[] }) {
  const tt = useTt();
  const { locale } = useI18n();
  const total = months.reduce(
    (t, m) => ({
      aiDrafts: t.aiDrafts + m.aiDrafts, energyWhMin: t.energyWhMin + m.energyWhMin, energyWhMax: t.energyWhMax + m.energyWhMax,
      kgCo2eMin: t.kgCo2eMin + m.kgCo2eMin, kgCo2eMax: t.kgCo2eMax + m.kgCo2eMax,
    }),
    { aiDrafts: 0, energyWhMin: 0, energyWhMax: 0, kgCo2eMin: 0, kgCo2eMax: 0 },
  );
  return (
    <section aria-labelledby="footprint-title">
      <h2 id="footprint-title">{tt('footprint.title')}</h2>
      <p>{tt('footprint.intro')}</p>
      {months.length === 0 ? <p>{tt('footprint.empty')}</p> : (
        <>
          <figure className="card chart">
            <figcaption><strong>{tt('footprint.chart')}</strong> — {tt('footprint.chartDesc')}</figcaption>
            <FootprintChart months={months} />
          </figure>
          <TableWrap label={tt('footprint.caption')}>
            <table className="table">
              <caption>{tt('footprint.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{tt('footprint.col.month')}</th>
                  <th scope="col">{tt('footprint.col.drafts')}</th>
                  <th scope="col">{tt('footprint.col.energy')}</th>
                  <th scope="col">{tt('footprint.col.co2')}</th>
                </tr>
              </thead>
              <tbody>
                {months.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{monthLabel(m.month, locale)}</th>
                    <td>{formatNumber(m.aiDrafts, locale, 0)}</td>
                    <td>{range(m.energyWhMin, m.energyWhMax, locale)}</td>
                    <td>{range(m.kgCo2eMin * 1000, m.kgCo2eMax * 1000, locale, 2)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{tt('footprint.total')}</th>
                  <td>{formatNumber(total.aiDrafts, locale, 0)}</td>
                  <td>{range(total.energyWhMin, total.energyWhMax, locale)}</td>
                  <td>{range(total.kgCo2eMin * 1000, total.kgCo2eMax * 1000, locale, 2)}</td>
                </tr>
              </tfoot>
            </table>
          </TableWrap>
        </>
      )}
    </section>
  );
}
