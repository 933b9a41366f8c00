import { api } from '../../lib/api';

/** « Ce qui m'attend » (issue 19), as GET /api/home sends it: the sections every module registers. */

export type HomeFlag = 'OVERDUE' | 'GUARDRAIL_CROSSED' | 'ASSIGNED';

export interface HomeItem {
  /** What the item is about: a subject, a project's title. */
  label: string;
  /** What is to be done (a task's name), or null. */
  detail: string | null;
  /** The route where the work is done. */
  link: string;
  flag: HomeFlag | null;
}

export interface HomeSectionEntry {
  /** The section's name, worded by `text.ts` (`tasks.mine`, `projects.decide`…). */
  key: string;
  order: number;
  /** How many items there are in all (the first few are listed). */
  count: number;
  /** The screen that lists them all. */
  link: string;
  items: HomeItem[];
}

export interface Home {
  username: string;
  sections: HomeSectionEntry[];
}

export const homeApi = {
  home: (signal?: AbortSignal) => api.get<Home>('/api/home', { signal }),
};
