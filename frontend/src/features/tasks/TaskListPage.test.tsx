import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { alice, bob, json, mockServer } from '../../test/mockServer';
import { renderApp } from '../../test/render';
import { taskOf } from '../../test/tasks';

describe('task list', () => {
  it('lists the tasks of the expert with a link to each, marked with their kind', async () => {
    const review = taskOf('review');
    const approve = taskOf('approve', { caseId: 13, subject: 'Changement d’adresse', assignee: 'carol' });
    mockServer({ 'GET /api/me': json(bob), 'GET /api/tasks': json([review, approve]) });
    renderApp('/tasks');
    const link = await screen.findByRole('link', { name: "Relire le brouillon de l'IA" });
    expect(link).toHaveAttribute('href', `#/tasks/${review.id}`);
    expect(link).toHaveAccessibleDescription('Retard de remboursement');
    expect(link.closest('tr')).toHaveAttribute('data-task-key', 'review');
    expect(screen.getByRole('link', { name: 'Approuver le contenu' }).closest('tr')).toHaveAttribute('data-task-key', 'approve');
    expect(screen.getAllByRole('cell', { name: 'Camille Martin' })).toHaveLength(2);
    expect(screen.getByText('Personne')).toBeInTheDocument();
    expect(screen.getByText('carol')).toBeInTheDocument();
  });

  it('translates the known task names in English', async () => {
    window.localStorage.setItem('tandem.lang', 'en');
    mockServer({ 'GET /api/me': json(bob), 'GET /api/tasks': json([taskOf('edit'), taskOf('custom', { name: 'Tâche maison' })]) });
    renderApp('/tasks');
    expect(await screen.findByRole('link', { name: 'Edit the content' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Tâche maison' })).toBeInTheDocument();
  });

  it('is open to advisers, who may have a letter to write by hand', async () => {
    mockServer({ 'GET /api/me': json(alice), 'GET /api/tasks': json([taskOf('handDraft')]) });
    renderApp('/tasks');
    expect(await screen.findByRole('link', { name: 'Rédiger à la main' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Tâches' })).toHaveAttribute('aria-current', 'page');
  });
});
