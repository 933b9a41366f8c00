import type { TaskScreens } from '../../lib/task/screens';
import { ReviewDocumentTask } from './ReviewDocumentTask';

/** The knowledge base: an owner reviews a stale document (confirm, update, retire). */
export const knowledgeTaskScreens: TaskScreens = {
  reviewDocument: ReviewDocumentTask,
};
