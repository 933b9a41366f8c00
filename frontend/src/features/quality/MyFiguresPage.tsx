import { useState } from 'react';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/useQuery';
import { fetchUseCases } from '../../lib/useCases';
import { fetchMyFigures, saveConsent } from './api';
import { FiguresTable } from './FiguresTable';

/**
 * A reviewer's own figures (proposal 15: for them first), and their choice to let managers see them
 * (only above the minimum number of cases; otherwise only within the team's figures).
 */
export function MyFiguresPage() {
  const { t, lang } = useI18n();
  const mine = useQuery('my-figures', fetchMyFigures);
  const useCases = useQuery('use-cases', fetchUseCases);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState<string | null>(null);
  const names = Object.fromEntries((useCases.data ?? []).map((u) => [u.key, lang === 'en' && u.nameEn ? u.nameEn : u.name]));

  const toggle = async (share: boolean) => {
    setSaving(true);
    setError(undefined);
    try {
      await saveConsent(share);
      setSaved(t(share ? 'figures.shared' : 'figures.private'));
      mine.reload();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageTitle title={t('figures.myTitle')}>{t('figures.myTitle')}</PageTitle>
      <p className="muted">{t('figures.myIntro')}</p>
      {mine.loading ? <Loading /> : null}
      <ErrorMessage error={mine.error} onRetry={mine.reload} />
      {mine.data ? (
        <>
          {mine.data.figures.length === 0 ? (
            <p>{t('figures.none')}</p>
          ) : (
            <FiguresTable rows={mine.data.figures} caption={t('figures.myCaption')} withPerson={false} names={names} />
          )}
          <section className="panel" aria-labelledby="figures-consent">
            <h2 id="figures-consent">{t('figures.consentTitle')}</h2>
            <p>{t('figures.rule', { min: mine.data.minCasesForManager })}</p>
            <p data-testid="consent-state" className="strong">
              {t(mine.data.share ? 'figures.stateShared' : 'figures.statePrivate')}
            </p>
            <ErrorMessage error={error} />
            {saved ? <p role="status">{saved}</p> : null}
            <Button variant="secondary" busy={saving} disabled={saving} onClick={() => void toggle(!mine.data?.share)}>
              {t(mine.data.share ? 'figures.stopSharing' : 'figures.share')}
            </Button>
          </section>
        </>
      ) : null}
    </>
  );
}
