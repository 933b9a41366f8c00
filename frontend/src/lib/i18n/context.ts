import { createContext, useContext } from 'react';
import { translate, type Language, type MessageKey, type Params } from './translate';

export interface I18nValue {
  lang: Language;
  setLang: (lang: Language) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** BCP 47 locale for Intl formatting. */
  locale: string;
}

const fallback: I18nValue = {
  lang: 'fr',
  setLang: () => undefined,
  t: (key, params) => translate(key, params, 'fr'),
  locale: 'fr-FR',
};

export const I18nContext = createContext<I18nValue>(fallback);

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}

/** Shorthand for components that only translate. */
export function useT(): I18nValue['t'] {
  return useContext(I18nContext).t;
}
