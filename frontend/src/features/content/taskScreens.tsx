import { screenWith, type TaskScreens } from '../../lib/task/screens';
import { ApproveTask } from './ApproveTask';
import { EditTask } from './EditTask';
import { ReviewTask } from './ReviewTask';

/** The content process's tasks: review the AI's draft, edit it (or write it by hand), approve it. */
export const contentTaskScreens: TaskScreens = {
  review: ReviewTask,
  edit: screenWith(EditTask, { mode: 'edit' }),
  handDraft: screenWith(EditTask, { mode: 'handDraft' }),
  approve: ApproveTask,
};
