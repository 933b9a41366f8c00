import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18nValue } from './context';
import { applyLanguage, loadLanguage, translate, type Language } from './translate';

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [lang, setLangState] = useState<Language>(() => {
    const start = initial ?? loadLanguage();
    applyLanguage(start);
    return start;
  });

  const setLang = useCallback((next: Language) => {
    applyLanguage(next);
    setLangState(next);
  }, []);

  const value = useMemo<I18nValue>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(key, params, lang),
      locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
    }),
    [lang, setLang],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
