import { diffStats, diffWords, side, tokenize } from './diff';

describe('diffWords', () => {
  it('keeps identical texts as one equal part', () => {
    expect(diffWords('Bonjour Madame,', 'Bonjour Madame,')).toEqual([{ kind: 'equal', text: 'Bonjour Madame,' }]);
  });

  it('finds a replaced word, word by word', () => {
    const parts = diffWords('Le virement part lundi.', 'Le virement part mardi.');
    expect(parts).toEqual([
      { kind: 'equal', text: 'Le virement part ' },
      { kind: 'delete', text: 'lundi.' },
      { kind: 'insert', text: 'mardi.' },
    ]);
  });

  it('marks added and removed words and rebuilds both texts', () => {
    const before = 'Nous avons bien reçu votre facture de soins.\n\n[À COMPLÉTER : date]\n\nCordialement';
    const after = 'Nous avons reçu votre facture de soins du 2 octobre.\n\nLe virement est parti hier.\n\nCordialement';
    const parts = diffWords(before, after);
    expect(side(parts, 'before')).toBe(before);
    expect(side(parts, 'after')).toBe(after);
    expect(parts).toContainEqual({ kind: 'delete', text: 'bien ' });
    expect(parts.filter((p) => p.kind === 'insert').map((p) => p.text).join('|')).toContain('du 2 octobre.');
    expect(diffStats(parts).deleted).toBeGreaterThan(0);
  });

  it('groups a changed phrase into one deletion and one insertion', () => {
    const parts = diffWords('un deux trois quatre', 'un cinq six quatre');
    expect(parts).toEqual([
      { kind: 'equal', text: 'un ' },
      { kind: 'delete', text: 'deux trois' },
      { kind: 'insert', text: 'cinq six' },
      { kind: 'equal', text: ' quatre' },
    ]);
  });

  it('handles empty sides', () => {
    expect(diffWords('', 'Texte écrit à la main')).toEqual([{ kind: 'insert', text: 'Texte écrit à la main' }]);
    expect(diffWords('Brouillon', '')).toEqual([{ kind: 'delete', text: 'Brouillon' }]);
  });

  it('stays exact on long texts too large for the word table', () => {
    const line = (i: number) => `Ligne ${i} du courrier avec quelques mots de plus.\n`;
    const before = Array.from({ length: 700 }, (_, i) => line(i)).join('');
    const after = Array.from({ length: 700 }, (_, i) => (i % 2 ? line(i).replace('mots', 'termes') : line(i))).join('');
    expect(tokenize(before).length).toBeGreaterThan(2000);
    const parts = diffWords(before, after);
    expect(side(parts, 'before')).toBe(before);
    expect(side(parts, 'after')).toBe(after);
  });
});
