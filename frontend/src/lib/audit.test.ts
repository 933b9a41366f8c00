import { describe, expect, it } from 'vitest';
import { actorKind, parseDetails, truncate } from './audit';

describe('audit helpers', () => {
  it('tells the AI, the system and people apart', () => {
    expect(actorKind('ai:offline-drafter')).toEqual({ kind: 'ai', name: 'offline-drafter' });
    expect(actorKind('system')).toEqual({ kind: 'system' });
    expect(actorKind('bob')).toEqual({ kind: 'person', name: 'bob' });
  });

  it('turns JSON details into key: value pairs, long texts truncated to 300 characters', () => {
    const parsed = parseDetails(JSON.stringify({ subject: 'Retard', text: 'a'.repeat(350), tokens: { in: 10 }, reason: null }));
    expect(parsed.raw).toBeNull();
    expect(parsed.entries[0]).toEqual(['subject', 'Retard']);
    expect(parsed.entries[1][1]).toBe(`${'a'.repeat(300)}…`);
    expect(parsed.entries[2]).toEqual(['tokens', '{"in":10}']);
    expect(parsed.entries[3]).toEqual(['reason', '—']);
  });

  it('keeps non-object details as text, and nothing for empty ones', () => {
    expect(parseDetails('not json')).toEqual({ entries: [], raw: 'not json' });
    expect(parseDetails('"a sentence"')).toEqual({ entries: [], raw: 'a sentence' });
    expect(parseDetails('{}')).toEqual({ entries: [], raw: null });
    expect(parseDetails(null)).toEqual({ entries: [], raw: null });
    expect(truncate('short')).toBe('short');
  });
});
