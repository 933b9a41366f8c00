import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../lib/i18n';
import { caseView } from '../../test/mockServer';
import { RequestSummary } from './RequestSummary';

const wrap = (node: React.ReactNode, locale: 'fr' | 'en' = 'fr') => render(<I18nProvider initial={locale}>{node}</I18nProvider>);

describe('the request summary', () => {
  it('says before when the case is to be handled, marked late once passed', () => {
    wrap(<RequestSummary view={caseView({ dueAt: '2026-05-26T16:00:00Z' })} headingId="r" title="Demande" />);
    const due = screen.getByTestId('case-due-at');
    expect(due).toHaveTextContent(/^À traiter avant le /);
    expect(due).toHaveTextContent('26');
    expect(due).toHaveTextContent('en retard');
  });

  it('shows no due date for a case without one, nor for a closed case a late mark', () => {
    wrap(<RequestSummary view={caseView({ dueAt: null })} headingId="r" title="Demande" />);
    expect(screen.queryByTestId('case-due-at')).toBeNull();
  });

  it('tells who received the overdue task, and why the approver group when no manager was found', () => {
    wrap(
      <RequestSummary
        view={caseView({
          status: 'DISCLOSED',
          dueAt: '2026-05-26T16:00:00Z',
          escalation: {
            at: '2026-05-27T07:00:00Z',
            task: "Relire le brouillon de l'IA",
            mode: 'REASSIGN',
            to: null,
            group: 'member-relations-experts',
            from: 'bob',
            fallback: 'Aucun manager dans « Agence de Niort » ni au-dessus : la tâche va au groupe d\'approbation.',
            handledBy: null,
            handledAt: null,
            handledNote: null,
          },
        })}
        headingId="r"
        title="Demande"
      />,
    );
    expect(screen.getByTestId('case-due-at')).not.toHaveTextContent('en retard');
    const escalation = screen.getByTestId('case-escalation');
    expect(escalation).toHaveTextContent("En retard : la tâche « Relire le brouillon de l'IA » a été confiée à member-relations-experts");
    expect(escalation).toHaveTextContent('Aucun manager dans « Agence de Niort »');
  });

  it('speaks English second', () => {
    wrap(<RequestSummary view={caseView({ dueAt: '2030-05-26T16:00:00Z' })} headingId="r" title="Request" />, 'en');
    expect(screen.getByTestId('case-due-at')).toHaveTextContent(/^To be handled before /);
    expect(screen.getByTestId('case-due-at')).not.toHaveTextContent('overdue');
  });
});
