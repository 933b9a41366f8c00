import type { TaskScreens } from '../../lib/task/screens';
import { AuthorizeVersionTask } from './AuthorizeVersionTask';
import { SecondReviewTask } from './SecondReviewTask';

/** The quality loop: authorise an evaluated pre-prompt version, rate a drawn content blind. */
export const qualityTaskScreens: TaskScreens = {
  authorizePromptVersion: AuthorizeVersionTask,
  secondReview: SecondReviewTask,
};
