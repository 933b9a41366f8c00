import type { ReactNode } from 'react';
import { AuthProvider } from '../lib/auth/AuthProvider';
import { I18nProvider, type Language } from '../lib/i18n';
import { TaskScreensProvider } from '../lib/task/screens';
import { taskScreens } from './taskScreens';

export function AppProviders({ children, language }: { children: ReactNode; language?: Language }) {
  return (
    <I18nProvider initial={language}>
      <AuthProvider>
        <TaskScreensProvider screens={taskScreens}>{children}</TaskScreensProvider>
      </AuthProvider>
    </I18nProvider>
  );
}
