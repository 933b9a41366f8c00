import { en } from './en';
import { fr, type MessageKey } from './fr';

export type Language = 'fr' | 'en';
export type { MessageKey };
export type Params = Record<string, string | number>;

export const LANGUAGES: readonly Language[] = ['fr', 'en'];
export const DEFAULT_LANGUAGE: Language = 'fr';
export const STORAGE_KEY = 'tandem.lang';

const dictionaries: Record<Language, Record<MessageKey, string>> = { fr, en };

let current: Language = DEFAULT_LANGUAGE;

export function isLanguage(value: unknown): value is Language {
  return value === 'fr' || value === 'en';
}

/** The language saved by the language switch, or French. */
export function loadLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(saved) ? saved : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** Makes `lang` current: saved, set on `<html lang>`, used by `translate`. */
export function applyLanguage(lang: Language): void {
  current = lang;
  document.documentElement.lang = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage may be disabled: the choice then lasts for this page only
  }
}

/** True when the dictionaries have this key (a task kind's name, say): what registers itself there is known. */
export function isMessageKey(key: string): key is MessageKey {
  return key in fr;
}

export function currentLanguage(): Language {
  return current;
}

/** Replaces `{name}` placeholders with `params.name`. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/** Translation outside React (e.g. the API client's error messages). */
export function translate(key: MessageKey, params?: Params, lang: Language = current): string {
  const template = dictionaries[lang][key] ?? fr[key] ?? key;
  return interpolate(template, params);
}
