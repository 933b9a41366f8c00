import { useState } from 'react';
import { ApiError, type FieldErrors } from '../api';
import { useT } from '../i18n';
import { navigate } from '../router';
import type { Completion, TaskDecisionKind, TaskSummary } from '../../types/api';
import { completeTask } from './api';

/** Handed to the task list after a completion: the message it shows once. */
export interface TaskListState {
  message: string;
}

function focusField(name: string) {
  document.querySelector<HTMLElement>(`[name="${name}"]`)?.focus();
}

/** The field of the server's 409 that asks to confirm an approval faster than reading. */
export const CONFIRM_FAST = 'confirmFastApproval';

/** A decision the server questioned (reading-speed floor): its message, and the decision to send again. */
export interface PendingConfirmation {
  completion: Completion;
  message: string;
}

export interface TaskActionOptions {
  /** After this decision the app opens the case (e.g. an approval) instead of the task list. */
  openCaseAfter?: TaskDecisionKind;
}

/**
 * Runs the actions of a task screen (save, complete) one at a time, and keeps their errors:
 * field errors of the screen's own fields go next to the field, any other (e.g. `decision`)
 * joins the general message.
 */
export function useTaskAction(task: TaskSummary, caseId: number, fields: readonly string[], options: TaskActionOptions = {}) {
  const t = useT();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [confirmation, setConfirmation] = useState<PendingConfirmation | null>(null);

  const fail = (e: unknown, completion?: Completion) => {
    if (completion && e instanceof ApiError && e.status === 409 && e.fieldErrors[CONFIRM_FAST]) {
      // faster than reading: the screen asks the person to confirm instead of showing an error
      setConfirmation({ completion, message: e.fieldErrors[CONFIRM_FAST] });
      setFieldErrors({});
      setError(undefined);
      return;
    }
    if (!(e instanceof ApiError)) {
      setError(e);
      setFieldErrors({});
      return;
    }
    const own: FieldErrors = {};
    const others: string[] = [];
    for (const [field, message] of Object.entries(e.fieldErrors)) {
      if (fields.includes(field)) own[field] = message;
      else if (message !== e.message) others.push(message);
    }
    setFieldErrors(own);
    setError(others.length > 0 ? [e.message, ...others].join(' ') : e);
    const first = fields.find((field) => own[field]);
    if (first) focusField(first);
  };

  /** Runs `action` unless another one is under way; returns whether it succeeded. */
  const run = async (name: string, action: () => Promise<void>, completion?: Completion): Promise<boolean> => {
    if (pending) return false;
    setPending(name);
    setError(undefined);
    setFieldErrors({});
    setConfirmation(null);
    try {
      await action();
      setPending(null);
      return true;
    } catch (e) {
      fail(e, completion);
      setPending(null);
      return false;
    }
  };

  /**
   * Completes the task, then goes to the task list, or to the case after `options.openCaseAfter`.
   * `before` runs first in the same pending state (e.g. reporting the full display).
   */
  const complete = (completion: Completion, before?: () => Promise<unknown>) =>
    run(
      completion.decision,
      async () => {
        if (before) await before();
        const done = await completeTask(task.id, completion);
        if (options.openCaseAfter !== undefined && completion.decision === options.openCaseAfter) {
          navigate(`/cases/${done?.caseId ?? caseId}`);
        } else {
          navigate('/tasks', { state: { message: t('task.done') } satisfies TaskListState });
        }
      },
      completion,
    );

  /** Sends the questioned decision again, confirmed by the person (counted as an approval faster than reading). */
  const confirm = () => {
    if (!confirmation) return Promise.resolve(false);
    return complete({ ...confirmation.completion, confirmFastApproval: true });
  };

  /** The person prefers to read again: the question goes away. */
  const dismissConfirmation = () => setConfirmation(null);

  /** A check made before calling the server failed on `field`. */
  const invalid = (field: string, message: string) => {
    setError(undefined);
    setFieldErrors({ [field]: message });
    focusField(field);
  };

  const clearFieldError = (field: string) =>
    setFieldErrors((errors) => {
      if (!errors[field]) return errors;
      const rest = { ...errors };
      delete rest[field];
      return rest;
    });

  return {
    pending,
    busy: pending !== null,
    error,
    fieldErrors,
    confirmation,
    run,
    complete,
    confirm,
    dismissConfirmation,
    invalid,
    clearFieldError,
  };
}

export type TaskAction = ReturnType<typeof useTaskAction>;
