import { vi } from 'vitest';
import type { CaseView, User } from '../types/api';

export interface RecordedCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

type Handler = (call: RecordedCall) => Response | Promise<Response>;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/**
 * Replaces `fetch` with a table of routes ("GET /api/me" → handler). Unknown routes answer 404.
 * Every call is recorded with its headers and body.
 */
export function mockServer(routes: Record<string, Handler | Response | object>) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => (headers[key] = value));
    const call: RecordedCall = { method, url, headers, body: typeof init.body === 'string' ? init.body : undefined };
    calls.push(call);
    const path = url.split('?')[0];
    const route = routes[`${method} ${url}`] ?? routes[`${method} ${path}`];
    if (route === undefined) return json({ status: 404, message: `no mock for ${method} ${url}` }, 404);
    if (typeof route === 'function') return (route as Handler)(call);
    if (route instanceof Response) return route.clone();
    return json(route);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock, callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.url.split('?')[0] === path) };
}

export const alice: User = { username: 'alice', displayName: 'Alice Durand', roles: ['ADVISER'], groups: ['advisers'] };
export const bob: User = { username: 'bob', displayName: 'Bob Lefèvre', roles: ['EXPERT'], groups: ['experts-courrier'] };
export const carol: User = { username: 'carol', displayName: 'Carole Petit', roles: ['EXPERT'], groups: ['experts-courrier'] };

export function caseView(overrides: Partial<CaseView> = {}): CaseView {
  return {
    id: 12,
    useCaseKey: 'reply-letter',
    useCaseName: 'Courrier de réponse à un sociétaire',
    memberId: 'M-1001',
    memberName: 'Camille Martin',
    subject: 'Retard de remboursement',
    message: "Je n'ai toujours pas reçu mon remboursement.",
    status: 'IN_REVIEW',
    requestedBy: 'alice',
    createdAt: '2026-11-22T10:00:00Z',
    draft: {
      text: 'Madame,\n\nNous avons bien reçu votre message.',
      producer: 'OFFLINE',
      model: 'offline-drafter',
      producerLabel: "brouillon hors-ligne — aucun modèle d'IA",
      promptVersion: 'reply-letter@1',
      sources: [],
      flags: [],
      createdAt: '2026-11-22T10:00:05Z',
    },
    finalText: null,
    approvedBy: null,
    approvedAt: null,
    aiShare: null,
    disclosure: null,
    disclosedText: null,
    failureReason: null,
    currentText: 'Madame,\n\nNous avons bien reçu votre message.',
    versions: [],
    regenerations: 0,
    maxRegenerations: 2,
    fourEyes: false,
    decisions: [],
    metrics: null,
    disclosurePreview: null,
    delivery: null,
    askComfortSurvey: false,
    withoutAi: false,
    withoutAiReason: null,
    ...overrides,
  };
}

export function setCookie(name: string, value: string) {
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/`;
}
