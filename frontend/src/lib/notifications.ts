import { useEffect } from 'react';
import { api } from './api';
import { useQuery } from './useQuery';

/**
 * The unread count of the header's bell, shared by the header (components/) and the notifications
 * feature: the feature announces a change (a notification read) and the bell fetches again.
 */
export interface UnreadCount {
  unread: number;
}

export const UNREAD_CHANGED = 'tandem:notifications-unread-changed';

/** How often the header asks (ms): cheap, one indexed count. */
export const UNREAD_POLL_MS = 30_000;

export function fetchUnreadCount(signal?: AbortSignal): Promise<UnreadCount> {
  return api.get<UnreadCount>('/api/notifications/unread-count', { signal });
}

/** Tells the bell that the count changed (a notification marked read). */
export function announceUnreadChanged(): void {
  window.dispatchEvent(new Event(UNREAD_CHANGED));
}

/** The person's unread count, polled; undefined until known or when it cannot be read. */
export function useUnreadCount(enabled: boolean): number | undefined {
  const { data, reload } = useQuery<UnreadCount | null>(
    enabled ? 'notifications:unread' : 'notifications:off',
    (signal) => (enabled ? fetchUnreadCount(signal) : Promise.resolve(null)),
    { refetchInterval: enabled ? UNREAD_POLL_MS : false },
  );
  useEffect(() => {
    if (!enabled) return undefined;
    window.addEventListener(UNREAD_CHANGED, reload);
    return () => window.removeEventListener(UNREAD_CHANGED, reload);
  }, [enabled, reload]);
  // a failed poll keeps the last count it had
  return data ? data.unread : undefined;
}
