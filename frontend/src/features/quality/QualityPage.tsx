import { useState } from 'react';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField, TextField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableWrap } from '../../components/TableWrap';
import { hasRole, useAuth } from '../../lib/auth/context';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { Link, navigate } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import {
  correctionsUrl,
  fetchAgreement,
  fetchManagerFigures,
  fetchVersions,
  requestEvaluation,
  sendAgreementFeedback,
  type Agreements,
  type UseCaseVersions,
} from './api';
import { FiguresTable } from './FiguresTable';
import { kappaText, percent } from './text';

/**
 * The quality screen, for managers and AI referents: which pre-prompt version serves each use case and
 * how each new one was evaluated; how much experts agree (Cohen's κ with its interval); the reviewers'
 * figures under the rule of proposal 15 (managers); the corrections dataset to download (AI referents).
 */
export function QualityPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const manager = hasRole(user, 'MANAGER');
  const referent = hasRole(user, 'AI_REFERENT');
  const versions = useQuery('quality-versions', fetchVersions);
  return (
    <>
      <PageTitle title={t('quality.title')}>{t('quality.title')}</PageTitle>
      <p className="muted">{t('quality.intro')}</p>
      {versions.loading ? <Loading /> : null}
      <ErrorMessage error={versions.error} onRetry={versions.reload} />
      {versions.data ? <Versions data={versions.data} referent={referent} onChange={versions.reload} /> : null}
      <AgreementSection manager={manager} />
      {manager ? <TeamFiguresSection names={names(versions.data)} /> : null}
      {referent && versions.data ? <Export useCases={versions.data} /> : null}
    </>
  );
}

function names(data: UseCaseVersions[] | undefined): Record<string, string> {
  return Object.fromEntries((data ?? []).map((u) => [u.useCaseKey, u.name]));
}

function Versions({ data, referent, onChange }: { data: UseCaseVersions[]; referent: boolean; onChange: () => void }) {
  const { t, lang, locale } = useI18n();
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState<string | null>(null);
  const evaluate = async (useCaseKey: string, version: number) => {
    setBusy(`${useCaseKey}@${version}`);
    setError(undefined);
    try {
      const started = await requestEvaluation(useCaseKey, version);
      navigate(`/quality/evaluations/${started.evaluationId}`);
    } catch (e) {
      setError(e);
      onChange();
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="panel" aria-labelledby="quality-versions">
      <h2 id="quality-versions">{t('quality.versionsTitle')}</h2>
      <p className="muted small">{t('quality.versionsIntro')}</p>
      <ErrorMessage error={error} />
      <TableWrap label={t('quality.versionsTitle')}>
        <table className="table" data-testid="quality-versions">
          <caption className="visually-hidden">{t('quality.versionsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('quality.useCase')}</th>
              <th scope="col">{t('quality.version')}</th>
              <th scope="col">{t('quality.status')}</th>
              <th scope="col">{t('quality.evaluation')}</th>
              <th scope="col">{t('quality.decidedBy')}</th>
              {referent ? <th scope="col">{t('quality.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {data.flatMap((u) =>
              u.versions.map((v, i) => (
                <tr key={v.label} data-version={v.label}>
                  {i === 0 ? (
                    <th scope="rowgroup" rowSpan={u.versions.length}>
                      {lang === 'en' && u.nameEn ? u.nameEn : u.name}
                      {u.unattended ? <span className="muted small"> · {t('quality.unattended')}</span> : null}
                    </th>
                  ) : null}
                  <td>
                    {v.label}
                    {v.model ? <span className="muted small"> ({v.model})</span> : null}
                    {v.inFile ? <span className="muted small"> · {t('quality.inFile')}</span> : null}
                  </td>
                  <td>
                    {v.serving ? <span className="badge badge-success">{t('quality.serving')}</span> : t(`quality.versionStatus.${v.status}` as MessageKey)}
                  </td>
                  <td>
                    {v.latestEvaluationId ? (
                      <Link to={`/quality/evaluations/${v.latestEvaluationId}`}>
                        {t('quality.evaluationLink', { id: v.latestEvaluationId, done: v.latestEvaluationDone, total: v.latestEvaluationTotal })}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    {v.decidedBy ? `${v.decidedBy} (${t(`quality.basis.${v.decisionBasis}` as MessageKey)}), ${formatDateTime(v.decidedAt, locale)}` : '—'}
                  </td>
                  {referent ? (
                    <td>
                      {v.status !== 'REFUSED' ? (
                        <Button variant="secondary" busy={busy === v.label} disabled={busy !== null} onClick={() => void evaluate(u.useCaseKey, v.version)}>
                          {t('quality.evaluate')}
                        </Button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              )),
            )}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function AgreementSection({ manager }: { manager: boolean }) {
  const { t, lang, locale } = useI18n();
  const agreement = useQuery('quality-agreement', fetchAgreement);
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const send = async (useCaseKey: string) => {
    setError(undefined);
    setSent(null);
    try {
      const result = await sendAgreementFeedback(useCaseKey);
      setSent(t('quality.feedbackSent', { count: result.projects.length }));
    } catch (e) {
      setError(e);
    }
  };
  const data: Agreements | undefined = agreement.data;
  return (
    <section className="panel" aria-labelledby="quality-agreement">
      <h2 id="quality-agreement">{t('quality.agreementTitle')}</h2>
      <p className="muted small">{t('quality.agreementIntro', { low: formatNumber(data?.lowKappa ?? 0.4, locale, 2), min: data?.lowKappaMinPairs ?? 10 })}</p>
      {agreement.loading ? <Loading /> : null}
      <ErrorMessage error={agreement.error} onRetry={agreement.reload} />
      <ErrorMessage error={error} />
      {sent ? <p role="status">{sent}</p> : null}
      {data && data.useCases.length === 0 ? <p>{t('quality.agreementEmpty')}</p> : null}
      {data && data.useCases.length > 0 ? (
        <TableWrap label={t('quality.agreementTitle')}>
          <table className="table" data-testid="quality-agreement">
            <caption className="visually-hidden">{t('quality.agreementTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('quality.useCase')}</th>
                <th scope="col">{t('quality.pairsRated')}</th>
                <th scope="col">{t('quality.kappa')}</th>
                <th scope="col">{t('quality.observed')}</th>
                <th scope="col">{t('quality.pairs')}</th>
                <th scope="col">{t('quality.finding')}</th>
                {manager ? <th scope="col">{t('quality.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.useCases.map((u) => (
                <tr key={u.useCaseKey} data-use-case={u.useCaseKey}>
                  <th scope="row">{lang === 'en' && u.useCaseNameEn ? u.useCaseNameEn : u.useCaseName}</th>
                  <td>{u.kappa.n}</td>
                  <td data-testid="kappa">{kappaText(u.kappa.kappa, u.kappa.low, u.kappa.high, locale)}</td>
                  <td>{percent(u.kappa.observedAgreement, locale)}</td>
                  <td>
                    {u.pairs.map((p) => (
                      <span key={`${p.reviewerA}-${p.reviewerB}`} className="pair">
                        {p.reviewerA} / {p.reviewerB} : {kappaText(p.kappa.kappa, p.kappa.low, p.kappa.high, locale)} ({p.kappa.n}){' '}
                      </span>
                    ))}
                    {u.hiddenPairs > 0 ? <span className="muted small">{t('quality.hiddenPairs', { count: u.hiddenPairs })}</span> : null}
                  </td>
                  <td>{u.kappa.kappa === null ? t('quality.kappaUndefined') : u.lowFinding ? <strong>{t('quality.lowKappa')}</strong> : t('quality.kappaOk')}</td>
                  {manager ? (
                    <td>
                      {u.kappa.kappa !== null ? (
                        <Button variant="secondary" onClick={() => void send(u.useCaseKey)}>
                          {t('quality.sendFeedback')}
                        </Button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}

function TeamFiguresSection({ names: byKey }: { names: Record<string, string> }) {
  const { t } = useI18n();
  const figures = useQuery('quality-figures', fetchManagerFigures);
  const data = figures.data;
  const shownTeams = (data?.teams ?? []).filter((team) => team.figures !== null);
  const hiddenTeams = (data?.teams ?? []).filter((team) => team.figures === null);
  return (
    <section className="panel" aria-labelledby="quality-figures">
      <h2 id="quality-figures">{t('figures.teamTitle')}</h2>
      {data ? <p className="muted small">{t('figures.managerRule', { cases: data.minCasesForManager, reviewers: data.minReviewersForTeam })}</p> : null}
      {figures.loading ? <Loading /> : null}
      <ErrorMessage error={figures.error} onRetry={figures.reload} />
      {data ? (
        <>
          {shownTeams.length > 0 ? (
            <FiguresTable rows={shownTeams.flatMap((team) => (team.figures ? [team.figures] : []))} caption={t('figures.teamCaption')} withPerson={false} names={byKey} />
          ) : (
            <p>{t('figures.noTeam')}</p>
          )}
          {hiddenTeams.length > 0 ? (
            <ul className="muted small" data-testid="hidden-teams">
              {hiddenTeams.map((team) => (
                <li key={team.useCaseKey}>
                  {team.useCaseName} : {team.hiddenReason}
                </li>
              ))}
            </ul>
          ) : null}
          {data.reviewers.length > 0 ? (
            <FiguresTable rows={data.reviewers} caption={t('figures.consentedCaption')} withPerson names={byKey} />
          ) : null}
          <p className="muted small" data-testid="hidden-reviewers">
            {t('figures.hiddenReviewers', { count: data.hiddenReviewers })}
          </p>
        </>
      ) : null}
    </section>
  );
}

function Export({ useCases }: { useCases: UseCaseVersions[] }) {
  const { t, lang } = useI18n();
  const [useCase, setUseCase] = useState(useCases[0]?.useCaseKey ?? '');
  // the last 90 days, computed once when the section opens
  const [from, setFrom] = useState(() => isoDay(-90));
  const [to, setTo] = useState(() => isoDay(0));
  const invalid = !from || !to || from > to;
  return (
    <section className="panel" aria-labelledby="quality-export">
      <h2 id="quality-export">{t('quality.exportTitle')}</h2>
      <p className="muted small">{t('quality.exportIntro')}</p>
      <div className="form form-inline">
        <SelectField label={t('quality.useCase')} value={useCase} onChange={(e) => setUseCase(e.target.value)}>
          {useCases.map((u) => (
            <option key={u.useCaseKey} value={u.useCaseKey}>
              {lang === 'en' && u.nameEn ? u.nameEn : u.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t('quality.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label={t('quality.to')} type="date" value={to} onChange={(e) => setTo(e.target.value)} error={invalid ? t('quality.periodInvalid') : undefined} />
      </div>
      {invalid ? null : (
        <p>
          <a className="btn btn-secondary" href={correctionsUrl(useCase, from, to)} download data-testid="export-link">
            {t('quality.download')}
          </a>
        </p>
      )}
    </section>
  );
}

/** Today plus {@code days}, as the date field writes it (YYYY-MM-DD, UTC). */
function isoDay(days: number): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}
