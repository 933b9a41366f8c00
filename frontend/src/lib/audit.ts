import type { CaseAudit } from '../types/api';
import { api } from './api';

/** A case's audit trail (shown on the case page and beside a task): its fetch and pure helpers. */

export function fetchAudit(id: string | number, signal?: AbortSignal): Promise<CaseAudit> {
  return api.get<CaseAudit>(`/api/cases/${encodeURIComponent(String(id))}/audit`, { signal });
}

export const MAX_DETAIL_CHARS = 300;

export function truncate(text: string, max = MAX_DETAIL_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max).trimEnd()}…`;
}

export interface ParsedDetails {
  /** key: value pairs of a JSON object, values truncated. */
  entries: [string, string][];
  /** The text itself when it is not a JSON object. */
  raw: string | null;
}

/** The event's JSON details as key: value pairs; anything else as (truncated) text. */
export function parseDetails(details: string | null | undefined): ParsedDetails {
  const text = details?.trim() ?? '';
  if (!text) return { entries: [], raw: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { entries: [], raw: truncate(text) };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { entries: [], raw: truncate(typeof parsed === 'string' ? parsed : text) };
  }
  const entries = Object.entries(parsed).map(([key, value]): [string, string] => {
    if (value === null || value === undefined) return [key, '—'];
    return [key, truncate(typeof value === 'string' ? value : JSON.stringify(value))];
  });
  return { entries, raw: null };
}

export type ActorKind = { kind: 'ai'; name: string } | { kind: 'system' } | { kind: 'person'; name: string };

/** `ai:offline-drafter` → the AI, `system` → the system, anything else → a person. */
export function actorKind(actor: string): ActorKind {
  if (actor.startsWith('ai:')) return { kind: 'ai', name: actor.slice(3) || '?' };
  if (actor === 'system') return { kind: 'system' };
  return { kind: 'person', name: actor };
}
