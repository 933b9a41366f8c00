export { I18nProvider } from './I18nProvider';
export { useI18n, useT, type I18nValue } from './context';
export {
  applyLanguage,
  currentLanguage,
  interpolate,
  isMessageKey,
  loadLanguage,
  translate,
  LANGUAGES,
  STORAGE_KEY,
  type Language,
  type MessageKey,
  type Params,
} from './translate';
