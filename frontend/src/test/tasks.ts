import type { CaseView, TaskSummary, User } from '../types/api';
import { bob, caseView, json, mockServer, setCookie } from './mockServer';
import { renderApp } from './render';
import type { TaskCounts, TaskListItem, TaskListPage } from '../features/tasks/listApi';

const NAMES: Record<string, string> = {
  review: "Relire le brouillon de l'IA",
  edit: 'Modifier le contenu',
  handDraft: 'Rédiger à la main',
  approve: 'Approuver le contenu',
};

/** A task of the given kind on case 12, as GET /api/tasks sends it. */
export function taskOf(taskKey: string, overrides: Partial<TaskSummary> = {}): TaskSummary {
  return {
    id: `b6f1c2d4-0000-4000-8000-${taskKey.padEnd(12, '0').slice(0, 12).replace(/[^0-9a-f]/gi, '0')}`,
    name: NAMES[taskKey] ?? taskKey,
    taskKey,
    caseId: 12,
    useCaseKey: 'reply-letter',
    useCaseName: 'Courrier de réponse à un sociétaire',
    memberName: 'Camille Martin',
    subject: 'Retard de remboursement',
    createdAt: '2026-11-22T10:00:06Z',
    assignee: null,
    ...overrides,
  };
}

/** A small process with the review step active, as GET /api/cases/{id}/diagram sends it. */
export const DIAGRAM_XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
  <bpmn:process id="content" name="Contenu" isExecutable="true">
    <bpmn:startEvent id="requested" name="Demande déposée" />
    <bpmn:userTask id="review" name="Relire le brouillon de l'IA" />
  </bpmn:process>
</bpmn:definitions>`;

/** The routes every task page also calls (comments, case history, diagram), answered quietly. */
export function taskPageRoutes(task: TaskSummary, caseId = 12) {
  return {
    [`GET /api/tasks/${task.id}/comments`]: new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } }),
    [`GET /api/cases/${caseId}/audit`]: new Response(
      JSON.stringify({ verification: { caseId, entries: 0, valid: true, firstBrokenSeq: null }, events: [] }),
      { status: 200, headers: { 'Content-Type': 'application/json' } },
    ),
    [`GET /api/cases/${caseId}/diagram`]: new Response(
      JSON.stringify({
        processDefinitionKey: 'content',
        processName: 'Contenu',
        ended: false,
        xml: DIAGRAM_XML,
        activeActivityIds: ['review'],
        completedActivityIds: ['requested'],
      }),
      { status: 200, headers: { 'Content-Type': 'application/json' } },
    ),
  };
}

/** A line of the task list (GET /api/tasks), from the read model. */
export function listItemOf(taskKey: string, overrides: Partial<TaskListItem> = {}): TaskListItem {
  return {
    ...taskOf(taskKey),
    processKey: 'content',
    memberId: 'M-1001',
    candidateGroups: ['experts-courrier'],
    dueAt: null,
    followUpAt: null,
    priority: 50,
    status: 'OPEN',
    endedAt: null,
    suspended: false,
    ...overrides,
  };
}

/** GET /api/tasks's answer for these lines. */
export function taskPage(items: TaskListItem[], counts: Partial<TaskCounts> = {}): TaskListPage {
  return {
    items,
    total: items.length,
    page: 0,
    size: 50,
    counts: { mine: 0, groups: items.length, all: items.length, overdue: 0, byUseCase: { 'reply-letter': items.length }, ...counts },
  };
}

/**
 * Opens the task page of `task` as `user` (bob by default), the case `view` behind it, the task
 * page's quiet routes answered, plus `routes` (the completion, say). Returns the mock server.
 */
export function openTaskPage(
  task: TaskSummary,
  view: CaseView = caseView(),
  routes: Parameters<typeof mockServer>[0] = {},
  user: User = bob,
) {
  setCookie('XSRF-TOKEN', 'tok');
  const server = mockServer({
    'GET /api/me': json(user),
    [`GET /api/tasks/${task.id}`]: json({ task, case: view }),
    ...taskPageRoutes(task),
    'GET /api/tasks': json([]),
    ...routes,
  });
  renderApp(`/tasks/${task.id}`);
  return server;
}
