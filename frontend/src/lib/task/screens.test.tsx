import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseView } from '../../test/mockServer';
import { taskOf } from '../../test/tasks';
import type { TaskDetail } from '../../types/api';
import { screenWith, taskScreenRegistry, TaskScreensProvider, useTaskScreen, type TaskScreenProps } from './screens';

function Review({ detail }: TaskScreenProps) {
  return <p>review {detail.task.taskKey}</p>;
}

function Edit({ detail, mode }: TaskScreenProps & { mode: 'edit' | 'handDraft' }) {
  return <p>{mode} {detail.task.id}</p>;
}

function Opened({ detail }: TaskScreenProps) {
  const Screen = useTaskScreen(detail.task.taskKey);
  // eslint-disable-next-line react-hooks/static-components -- looked up, not created
  return Screen ? <Screen detail={detail} /> : <p>no screen</p>;
}

const detailOf = (taskKey: string): TaskDetail => ({ task: taskOf(taskKey), case: caseView() });

describe('the registry of task screens', () => {
  const registry = taskScreenRegistry({ review: Review }, { handDraft: screenWith(Edit, { mode: 'handDraft' }) });

  it('opens the screen registered for the task kind, with its fixed props', () => {
    const { unmount } = render(
      <TaskScreensProvider screens={registry}>
        <Opened detail={detailOf('review')} />
      </TaskScreensProvider>,
    );
    expect(screen.getByText('review review')).toBeInTheDocument();
    unmount();
    const handDraft = detailOf('handDraft');
    render(
      <TaskScreensProvider screens={registry}>
        <Opened detail={handDraft} />
      </TaskScreensProvider>,
    );
    expect(screen.getByText(`handDraft ${handDraft.task.id}`)).toBeInTheDocument();
  });

  it('has no screen for an unknown kind (the task page then shows the Camunda Form)', () => {
    render(
      <TaskScreensProvider screens={registry}>
        <Opened detail={detailOf('constructor')} />
      </TaskScreensProvider>,
    );
    expect(screen.getByText('no screen')).toBeInTheDocument();
  });

  it('refuses a task kind two features claim', () => {
    expect(() => taskScreenRegistry({ review: Review }, { review: Review })).toThrow("Two screens are registered for the task kind 'review'");
  });
});
