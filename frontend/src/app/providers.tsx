import type { ReactNode } from 'react';
import { AuthProvider } from '../features/auth/AuthProvider';
import { I18nProvider, type Language } from '../lib/i18n';

export function AppProviders({ children, language }: { children: ReactNode; language?: Language }) {
  return (
    <I18nProvider initial={language}>
      <AuthProvider>{children}</AuthProvider>
    </I18nProvider>
  );
}
