import { screenWith, type TaskScreens } from '../../lib/task/screens';
import { AnswerTask } from './AnswerTask';

/** The AMI assistant's answers: the adviser reads one (or asks an expert), an expert answers. */
export const knowledgeAnswerTaskScreens: TaskScreens = {
  readAnswer: screenWith(AnswerTask, { mode: 'read' }),
  expertAnswer: screenWith(AnswerTask, { mode: 'expert' }),
};
