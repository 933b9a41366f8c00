import type { TaskScreens } from '../../lib/task/screens';
import { AuthorizeTask } from './AuthorizeTask';
import { PostReviewTask } from './PostReviewTask';

/** The members' chatbot: review an answer already sent, authorise a version's unattended answers. */
export const chatbotTaskScreens: TaskScreens = {
  postReview: PostReviewTask,
  authorizeUnattended: AuthorizeTask,
};
