import type { TaskScreenProps, TaskScreens } from '../../lib/task/screens';
import { onDemand } from './lazy';

/** The quality loop: authorise an evaluated pre-prompt version, rate a drawn content blind (loaded on demand). */
export const qualityTaskScreens: TaskScreens = {
  authorizePromptVersion: onDemand<TaskScreenProps>(() => import('./AuthorizeVersionTask').then((m) => m.AuthorizeVersionTask)),
  secondReview: onDemand<TaskScreenProps>(() => import('./SecondReviewTask').then((m) => m.SecondReviewTask)),
};
