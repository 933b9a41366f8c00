import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { en } from './en';
import { fr } from './fr';
import { I18nProvider, STORAGE_KEY, interpolate, loadLanguage, translate, useT } from './index';

function Greeting() {
  const t = useT();
  return <p>{t('nav.signedInAs', { name: 'Alice' })}</p>;
}

describe('i18n', () => {
  it('translates with French by default and English on demand, with placeholders', () => {
    expect(translate('task.approve', undefined, 'fr')).toBe('Approuver et envoyer');
    expect(translate('task.approve', undefined, 'en')).toBe('Approve and send');
    expect(translate('case.title', { id: 12 }, 'fr')).toBe('Demande n° 12');
    expect(interpolate('{a} et {b}', { a: 1 })).toBe('1 et {b}');
  });

  it('has a non-empty English text for every French key', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const [key, text] of Object.entries(en)) expect(text, key).not.toBe('');
  });

  it('defaults to French and ignores an unknown saved language', () => {
    expect(loadLanguage()).toBe('fr');
    window.localStorage.setItem(STORAGE_KEY, 'de');
    expect(loadLanguage()).toBe('fr');
  });

  it('switches language, persists the choice and updates <html lang>', async () => {
    render(
      <I18nProvider>
        <LanguageSwitch />
        <Greeting />
      </I18nProvider>,
    );
    expect(document.documentElement.lang).toBe('fr');
    expect(screen.getByText('Connecté en tant que Alice')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Langue'), 'en');

    expect(screen.getByText('Signed in as Alice')).toBeInTheDocument();
    expect(screen.getByLabelText('Language')).toHaveValue('en');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe('en');
  });

  it('starts in the saved language', () => {
    window.localStorage.setItem(STORAGE_KEY, 'en');
    render(
      <I18nProvider>
        <Greeting />
      </I18nProvider>,
    );
    expect(screen.getByText('Signed in as Alice')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });
});
