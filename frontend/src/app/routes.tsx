import type { ReactNode } from 'react';
import { LoginPage } from '../features/auth/LoginPage';
import { CaseListPage } from '../features/content/CaseListPage';
import { CasePage } from '../features/content/CasePage';
import { NewRequestPage } from '../features/content/NewRequestPage';
import { TaskListPage } from '../features/tasks/TaskListPage';
import { TaskPage } from '../features/tasks/TaskPage';
import { HomePage } from '../features/home/HomePage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { IdeasPage } from '../features/governance/ideas/IdeasPage';
import { TriagePage } from '../features/governance/ideas/TriagePage';
import { PortfolioPage } from '../features/governance/portfolio/PortfolioPage';
import { EthicsPage } from '../features/governance/portfolio/EthicsPage';
import { ExperimentsPage } from '../features/governance/experiments/ExperimentsPage';
import { CaseSurvey } from '../features/governance/experiments/CaseSurvey';
import { ExperimentPage } from '../features/governance/experiments/ExperimentPage';
import { RolloutPage } from '../features/governance/experiments/RolloutPage';
import { TransparencyPage } from '../features/governance/transparency/TransparencyPage';
import { OrganisationPage } from '../features/governance/organisation/OrganisationPage';
import { GatePage } from '../features/governance/organisation/GatePage';
import { KnowledgeListPage } from '../features/knowledge/KnowledgeListPage';
import { KnowledgeSearchPage } from '../features/knowledge/KnowledgeSearchPage';
import { KnowledgeEditPage } from '../features/knowledge/KnowledgeEditPage';
import { KnowledgeDocumentPage } from '../features/knowledge/KnowledgeDocumentPage';
import { KnowledgeReviewPage } from '../features/knowledge/KnowledgeReviewPage';
import { MembersAdminPage } from '../features/members/MembersAdminPage';
import { AccountsPage } from '../features/accounts/AccountsPage';
import { EvaluationPage, MyFiguresPage, QualityPage } from '../features/quality/pages';
import { PrivacyPage } from '../features/privacy/PrivacyPage';
import type { Role } from '../types/api';

/** Every person who works in Tandem (the service account excepted). */
const EMPLOYEES: Role[] = ['ADVISER', 'EXPERT', 'MANAGER', 'DIRECTORATE', 'ETHICS', 'AI_REFERENT', 'ADMIN'];

export interface AppRoute {
  path: string;
  /** Public routes are shown without a session. */
  public?: boolean;
  /** Any of these roles may open the route; none means any logged-in person. */
  roles?: Role[];
  render: (params: Record<string, string>) => ReactNode;
}

/** Order matters: the first match wins (`/cases/new` before `/cases/:id`). */
export const routes: AppRoute[] = [
  { path: '/login', public: true, render: () => <LoginPage /> },
  // what we tell the public about our use of generative AI (proposals 22–24): no login
  { path: '/transparence', public: true, render: () => <TransparencyPage /> },
  { path: '/home', render: () => <HomePage /> },
  // issue 19: every person's notifications and their settings (the service account has none)
  { path: '/notifications', roles: ['ADVISER', 'EXPERT', 'MANAGER', 'DIRECTORATE', 'ETHICS', 'AI_REFERENT', 'ADMIN', 'DPO'], render: () => <NotificationsPage /> },
  { path: '/cases', roles: ['ADVISER'], render: () => <CaseListPage /> },
  { path: '/cases/new', roles: ['ADVISER'], render: () => <NewRequestPage /> },
  // Experts land here after approving; the server decides who may read which case.
  // Once disclosed, the case asks the experiment's survey (governance) of whoever it concerns.
  { path: '/cases/:id', render: ({ id }) => <CasePage key={id} id={id} afterDisclosure={CaseSurvey} /> },
  // Advisers too: a request whose AI draft failed comes back to its adviser to write by hand.
  // AI referents too: they authorise unattended chatbot answers (a task with its Camunda Form).
  { path: '/tasks', roles: ['EXPERT', 'ADVISER', 'AI_REFERENT'], render: () => <TaskListPage /> },
  { path: '/tasks/:id', roles: ['EXPERT', 'ADVISER', 'AI_REFERENT'], render: ({ id }) => <TaskPage key={id} id={id} /> },
  // The project lifecycle: ideas from any employee, then each step for its role.
  { path: '/ideas', roles: ['ADVISER', 'EXPERT', 'MANAGER', 'DIRECTORATE', 'ETHICS', 'AI_REFERENT'], render: () => <IdeasPage /> },
  { path: '/ideas/triage', roles: ['AI_REFERENT'], render: () => <TriagePage /> },
  { path: '/portfolio', roles: ['DIRECTORATE', 'MANAGER', 'AI_REFERENT', 'ETHICS'], render: () => <PortfolioPage /> },
  { path: '/ethics', roles: ['ETHICS'], render: () => <EthicsPage /> },
  { path: '/experiments', roles: ['MANAGER', 'AI_REFERENT', 'DIRECTORATE', 'ETHICS'], render: () => <ExperimentsPage /> },
  { path: '/experiments/:id', roles: ['MANAGER', 'AI_REFERENT', 'DIRECTORATE', 'ETHICS'], render: ({ id }) => <ExperimentPage key={id} id={id} /> },
  { path: '/experiments/:id/rollout', roles: ['MANAGER', 'AI_REFERENT', 'DIRECTORATE', 'ETHICS'], render: ({ id }) => <RolloutPage key={id} id={id} /> },
  // issue 14: the organisation (administrators; managers for the people of their entities) and the governance gate
  { path: '/organisation', roles: ['ADMIN', 'MANAGER'], render: () => <OrganisationPage /> },
  { path: '/governance', roles: ['ADMIN', 'AI_REFERENT'], render: () => <GatePage /> },
  // --- the knowledge base and the member directory (issue 14) ---
  { path: '/knowledge', roles: EMPLOYEES, render: () => <KnowledgeListPage /> },
  { path: '/knowledge/search', roles: ['ADVISER', 'EXPERT', 'AI_REFERENT', 'ADMIN'], render: () => <KnowledgeSearchPage /> },
  { path: '/knowledge/new', roles: ['AI_REFERENT', 'ADMIN'], render: () => <KnowledgeEditPage /> },
  {
    path: '/knowledge/documents/:reference/edit',
    roles: ['AI_REFERENT', 'ADMIN'],
    render: ({ reference }) => <KnowledgeEditPage key={reference} reference={reference} />,
  },
  { path: '/knowledge/documents/:reference', roles: EMPLOYEES, render: ({ reference }) => <KnowledgeDocumentPage key={reference} reference={reference} /> },
  // owners whose role has no task list open their document's review here (the same screen)
  { path: '/knowledge/reviews/:taskId', roles: EMPLOYEES, render: ({ taskId }) => <KnowledgeReviewPage key={taskId} taskId={taskId} /> },
  { path: '/admin/members', roles: ['ADMIN'], render: () => <MembersAdminPage /> },
  // the people who log in with a password (first start outside the demo)
  { path: '/admin/accounts', roles: ['ADMIN'], render: () => <AccountsPage /> },
  // --- end of issue 14's routes ---
  // The quality loop: versions and their evaluations, reviewers' agreement and figures (managers and AI referents),
  // each reviewer's own figures (experts; `/quality/me` before `/quality/evaluations/:id`).
  { path: '/quality', roles: ['MANAGER', 'AI_REFERENT'], render: () => <QualityPage /> },
  { path: '/quality/me', roles: ['EXPERT'], render: () => <MyFiguresPage /> },
  { path: '/quality/evaluations/:id', roles: ['MANAGER', 'AI_REFERENT'], render: ({ id }) => <EvaluationPage key={id} id={id} /> },
  // the data protection officer: erasures on request, the record, the audit's verification (issue 16)
  { path: '/privacy', roles: ['DPO'], render: () => <PrivacyPage /> },
];
