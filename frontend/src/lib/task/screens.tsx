import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import type { TaskDetail } from '../../types/api';

/**
 * The registry of task screens: which screen works a task, by its `taskKey`. Each feature lists
 * its own screens (`features/x/taskScreens.tsx` exports a `TaskScreens`), app/taskScreens.ts puts
 * the lists together once and the app provides them; the task page looks the key up and falls back
 * to the task's Camunda Form. A new kind of task touches only its feature (and, for a new feature,
 * one line in app/taskScreens.ts).
 */
export interface TaskScreenProps {
  detail: TaskDetail;
}

export type TaskScreen = ComponentType<TaskScreenProps>;

/** taskKey → the screen that works it. */
export type TaskScreens = Readonly<Record<string, TaskScreen>>;

/**
 * One screen for several kinds of task, told apart by fixed props: `edit: screenWith(EditTask, { mode: 'edit' })`.
 * Called once, where a feature lists its screens (not during a render).
 */
export function screenWith<const P extends object>(Screen: ComponentType<TaskScreenProps & P>, props: P): TaskScreen {
  function BoundScreen({ detail }: TaskScreenProps) {
    return <Screen {...props} detail={detail} />;
  }
  BoundScreen.displayName = `${Screen.displayName ?? Screen.name}(${JSON.stringify(props)})`;
  return BoundScreen;
}

/** The features' lists as one registry; a taskKey two features claim is a wiring mistake, refused at start-up. */
export function taskScreenRegistry(...lists: TaskScreens[]): ReadonlyMap<string, TaskScreen> {
  const registry = new Map<string, TaskScreen>();
  for (const list of lists) {
    for (const [taskKey, screen] of Object.entries(list)) {
      if (registry.has(taskKey)) throw new Error(`Two screens are registered for the task kind '${taskKey}'`);
      registry.set(taskKey, screen);
    }
  }
  return registry;
}

const TaskScreensContext = createContext<ReadonlyMap<string, TaskScreen>>(new Map());

export function TaskScreensProvider({ screens, children }: { screens: ReadonlyMap<string, TaskScreen>; children: ReactNode }) {
  return <TaskScreensContext.Provider value={screens}>{children}</TaskScreensContext.Provider>;
}

/** The screen registered for `taskKey`, or undefined when none is (the caller shows the Camunda Form). */
export function useTaskScreen(taskKey: string): TaskScreen | undefined {
  return useContext(TaskScreensContext).get(taskKey);
}
