import { onDemand } from './lazy';

/** The quality loop's pages, loaded on demand (see lazy.tsx); app/routes.tsx shows them. */
export const QualityPage = onDemand(() => import('./QualityPage').then((m) => m.QualityPage));
export const EvaluationPage = onDemand<{ id: string }>(() => import('./EvaluationPage').then((m) => m.EvaluationPage));
export const MyFiguresPage = onDemand(() => import('./MyFiguresPage').then((m) => m.MyFiguresPage));
