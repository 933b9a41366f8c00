import type { UserEvent } from '@testing-library/user-event';

/** Types a value at once (paste): key-by-key typing is slow on a busy machine and tests nothing more here. */
export async function fill(user: UserEvent, field: HTMLElement, value: string) {
  await user.click(field);
  await user.paste(value);
}
