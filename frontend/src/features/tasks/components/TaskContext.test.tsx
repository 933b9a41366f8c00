import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../lib/i18n';
import { json, mockServer, setCookie } from '../../../test/mockServer';
import { DIAGRAM_XML } from '../../../test/tasks';
import { ProcessDiagram } from './ProcessDiagram';
import { TaskComments } from './TaskComments';

const wrap = (node: React.ReactNode) => render(<I18nProvider initial="fr">{node}</I18nProvider>);

describe('ProcessDiagram', () => {
  it('marks the current and the completed activities, and says where the case stands in words', async () => {
    mockServer({
      'GET /api/cases/12/diagram': json({
        processDefinitionKey: 'content',
        processName: 'Contenu',
        ended: false,
        xml: DIAGRAM_XML,
        activeActivityIds: ['review'],
        completedActivityIds: ['requested'],
      }),
    });
    wrap(<ProcessDiagram caseId={12} refreshKey="t1" />);
    expect(await screen.findByTestId('diagram-current')).toHaveTextContent("Étape en cours : Relire le brouillon de l'IA");
    expect(screen.getByText('Étapes passées : Demande déposée')).toBeInTheDocument();
    // the test setup's stand-in for bpmn-js records the markers it was given; it is created once
    // bpmn-js's chunk is imported, which may come after the caption on a busy machine
    const viewer = NavigatedViewer as unknown as { last: { markers: Array<[string, string]> } | null };
    await waitFor(() =>
      expect(viewer.last?.markers).toEqual([
        ['requested', 'diagram-done'],
        ['review', 'diagram-active'],
      ]),
    );
  });

  it('shows the server’s French refusal for a case the person may not read', async () => {
    mockServer({ 'GET /api/cases/12/diagram': json({ status: 403, message: 'Ce dossier ne fait pas partie de vos demandes ni de vos groupes.' }, 403) });
    wrap(<ProcessDiagram caseId={12} refreshKey="t1" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Ce dossier ne fait pas partie de vos demandes ni de vos groupes.');
  });
});

describe('TaskComments', () => {
  it('lists the case’s comments and adds one; an empty one is refused next to the field', async () => {
    setCookie('XSRF-TOKEN', 'tok');
    const server = mockServer({
      'GET /api/tasks/t1/comments': json([
        { id: 'c1', taskId: 't0', author: 'bob', at: '2026-11-22T10:00:00Z', message: 'Vérifier la date du virement.', thisTask: false },
      ]),
      'POST /api/tasks/t1/comments': json(
        { id: 'c2', taskId: 't1', author: 'chloe', at: '2026-11-22T10:05:00Z', message: 'Date vérifiée : 20/11.', thisTask: true },
        201,
      ),
    });
    wrap(<TaskComments taskId="t1" />);
    expect(await screen.findByText('Vérifier la date du virement.')).toBeInTheDocument();
    expect(screen.getByText('étape précédente')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Ajouter le commentaire' }));
    expect(screen.getByLabelText('Votre commentaire')).toHaveAccessibleDescription(/Écrivez un commentaire./);
    expect(server.callsTo('POST', '/api/tasks/t1/comments')).toHaveLength(0);
    await userEvent.type(screen.getByLabelText('Votre commentaire'), 'Date vérifiée : 20/11.');
    await userEvent.click(screen.getByRole('button', { name: 'Ajouter le commentaire' }));
    expect(await screen.findByText('Date vérifiée : 20/11.', { selector: '.comment-text' })).toBeInTheDocument();
    expect(JSON.parse(server.callsTo('POST', '/api/tasks/t1/comments')[0].body!)).toEqual({ message: 'Date vérifiée : 20/11.' });
    expect(screen.getByLabelText('Votre commentaire')).toHaveValue('');
  });
});
