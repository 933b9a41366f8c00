import { describe, expect, it } from 'vitest';
import { estimateAiShare } from './aiShare';

describe('estimateAiShare', () => {
  const draft = 'Madame, nous avons bien reçu votre demande de remboursement.';

  it('is 1 for an unchanged draft, whatever the spacing', () => {
    expect(estimateAiShare(draft, draft)).toBe(1);
    expect(estimateAiShare(draft, draft.replace(/ /g, '\n  '))).toBe(1);
  });

  it('falls as the expert adds their own words', () => {
    const share = estimateAiShare(draft, `${draft} Le virement partira demain, veuillez nous excuser du retard.`);
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
  });

  it('is 0 for a text written from scratch or an empty draft', () => {
    expect(estimateAiShare(draft, 'Bonjour, tout est réglé.')).toBe(0);
    expect(estimateAiShare('', 'Bonjour')).toBe(0);
    expect(estimateAiShare(draft, '')).toBe(0);
  });
});
