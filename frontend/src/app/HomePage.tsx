import { PageTitle } from '../components/PageTitle';
import { useT } from '../lib/i18n';

/** For roles that have no screen yet (manager, directorate, ethics…). */
export function HomePage() {
  const t = useT();
  return (
    <>
      <PageTitle title={t('home.title')}>{t('home.title')}</PageTitle>
      <p>{t('home.noScreen')}</p>
    </>
  );
}
