import { ApiError, type FieldErrors } from './api';

/**
 * Splits an API refusal between the fields a form shows (each message goes next to its field) and
 * the rest, which must still reach the person: returned as `error` for the message by the action.
 */
export function placeFieldErrors(e: unknown, shown: readonly string[]): { fieldErrors: FieldErrors; error: unknown } {
  if (!(e instanceof ApiError) || Object.keys(e.fieldErrors).length === 0) return { fieldErrors: {}, error: e };
  const fieldErrors: FieldErrors = {};
  const others: string[] = [];
  for (const [field, message] of Object.entries(e.fieldErrors)) {
    if (shown.includes(field)) fieldErrors[field] = message;
    else if (!others.includes(message)) others.push(message);
  }
  return { fieldErrors, error: others.length > 0 ? others.join(' ') : undefined };
}
