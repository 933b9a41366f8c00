import { chatbotTaskScreens } from '../features/chatbot/taskScreens';
import { contentTaskScreens } from '../features/content/taskScreens';
import { extractionTaskScreens } from '../features/extraction/taskScreens';
import { knowledgeAnswerTaskScreens } from '../features/knowledge-answer/taskScreens';
import { knowledgeTaskScreens } from '../features/knowledge/taskScreens';
import { qualityTaskScreens } from '../features/quality/taskScreens';
import { taskScreenRegistry } from '../lib/task/screens';

/** Every feature's task screens, by taskKey (a task without one opens its Camunda Form). */
export const taskScreens = taskScreenRegistry(
  contentTaskScreens,
  extractionTaskScreens,
  knowledgeAnswerTaskScreens,
  chatbotTaskScreens,
  knowledgeTaskScreens,
  qualityTaskScreens,
);
