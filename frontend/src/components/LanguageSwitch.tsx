import { useId } from 'react';
import { LANGUAGES, useI18n, type Language } from '../lib/i18n';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const id = `lang${useId().replace(/:/g, '')}`;
  return (
    <div className="lang-switch">
      <label htmlFor={id}>{t('nav.language')}</label>
      <select id={id} value={lang} onChange={(e) => setLang(e.target.value as Language)}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(code === 'fr' ? 'lang.fr' : 'lang.en')}
          </option>
        ))}
      </select>
    </div>
  );
}
