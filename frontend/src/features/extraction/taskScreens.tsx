import { screenWith, type TaskScreens } from '../../lib/task/screens';
import { ExtractionTask } from './ExtractionTask';

/** Extraction: verify the fields the AI read from a document, or enter them when it could not. */
export const extractionTaskScreens: TaskScreens = {
  verifyFields: screenWith(ExtractionTask, { mode: 'verify' }),
  enterFields: screenWith(ExtractionTask, { mode: 'enter' }),
};
