import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../lib/i18n';
import { DiffView } from './DiffView';

const draft = "Madame,\n\nNous avons bien reçu votre facture.\n\n[À COMPLÉTER : date du virement]\n\nCordialement";
const edited = 'Madame,\n\nNous avons reçu votre facture du 2 octobre.\n\nLe virement est parti hier.\n\nCordialement';

function renderDiff(before = draft, after = edited) {
  return render(
    <I18nProvider initial="fr">
      <DiffView before={before} after={after} />
    </I18nProvider>,
  );
}

describe('DiffView', () => {
  it('shows removed words struck through and added ones inline, word by word', () => {
    const { container } = renderDiff();
    const inline = screen.getByTestId('diff-inline');
    const removed = [...inline.querySelectorAll('del')].map((e) => e.textContent);
    const added = [...inline.querySelectorAll('ins')].map((e) => e.textContent);
    expect(removed.join('|')).toContain('bien');
    expect(removed.join('|')).toContain('[À COMPLÉTER');
    expect(added.join('|')).toContain('du 2 octobre.');
    expect(added.join('|')).toContain('Le virement est parti hier.');
    // unchanged words are plain text, not marked
    expect(inline.querySelectorAll('del, ins')).not.toHaveLength(0);
    expect([...container.querySelectorAll('del, ins')].some((e) => e.textContent?.includes('Cordialement'))).toBe(false);
    expect(screen.getByTestId('diff-stats')).toHaveTextContent(/mot\(s\) ajouté\(s\), \d+ mot\(s\) supprimé\(s\)/);
    // screen readers hear what was added and removed
    expect(inline.querySelector('ins .visually-hidden')).toHaveTextContent('ajouté :');
  });

  it('switches to side by side: the draft with its deletions, the current text with its insertions', async () => {
    renderDiff();
    const sideBySide = screen.getByRole('button', { name: 'Côte à côte' });
    expect(sideBySide).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(sideBySide);
    expect(sideBySide).toHaveAttribute('aria-pressed', 'true');
    const columns = screen.getByTestId('diff-side-by-side');
    const [left, right] = [...columns.querySelectorAll('.diff-text')] as HTMLElement[];
    expect(within(columns).getByRole('heading', { name: "Brouillon de l'IA" })).toBeInTheDocument();
    expect(left.querySelectorAll('ins')).toHaveLength(0);
    expect(right.querySelectorAll('del')).toHaveLength(0);
    const visible = (el: HTMLElement) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
      return copy.textContent;
    };
    expect(visible(left)).toBe(draft);
    expect(visible(right)).toBe(edited);
    await userEvent.click(screen.getByRole('button', { name: 'Dans le texte' }));
    expect(screen.getByTestId('diff-inline')).toBeInTheDocument();
  });

  it('says when nothing changed', () => {
    renderDiff(draft, draft);
    expect(screen.getByTestId('diff-stats')).toHaveTextContent("Le texte est identique au brouillon de l'IA.");
    expect(screen.getByTestId('diff-inline').querySelectorAll('del, ins')).toHaveLength(0);
  });
});
