import { api } from '../../lib/api';

/** Notifications (issue 19), as /api/notifications and /api/me/notification-settings send them. */

export type NotificationKind = 'NEW_TASK' | 'ASSIGNED' | 'DUE_TOMORROW' | 'RETURNED';

export const NOTIFICATION_KINDS: NotificationKind[] = ['NEW_TASK', 'ASSIGNED', 'DUE_TOMORROW', 'RETURNED'];

export interface Notification {
  id: number;
  kind: NotificationKind;
  taskId: string;
  /** The task's kind in its process, or null when the task list no longer has it. */
  taskKey: string | null;
  caseId: number | null;
  /** The task's name in its process (« Relire le brouillon de l'IA »). */
  taskName: string | null;
  /** The case's subject, read from the task list: null once the case is erased. */
  subject: string | null;
  /** Whether the task is still to be done (the link then opens it). */
  taskOpen: boolean;
  createdAt: string;
  read: boolean;
}

export interface NotificationPage {
  items: Notification[];
  total: number;
  unread: number;
  page: number;
  size: number;
}

export interface MarkedRead {
  marked: number;
}

export interface NotificationSettings {
  kinds: NotificationKind[];
  dailyDigest: boolean;
  /** Where the digest goes: the account's address, null when it has none. */
  email: string | null;
}

export interface NotificationSettingsUpdate {
  /** NotificationKind names: the backend reads them as text to refuse an unknown one in French. */
  kinds: string[];
  dailyDigest: boolean;
}

export const PAGE_SIZE = 20;

export const notificationsApi = {
  page: (page: number, signal?: AbortSignal) =>
    api.get<NotificationPage>(`/api/notifications?page=${page}&size=${PAGE_SIZE}`, { signal }),
  markRead: (id: number) => api.post<void>(`/api/notifications/${id}/read`),
  markAllRead: () => api.post<MarkedRead>('/api/notifications/read-all'),
  settings: (signal?: AbortSignal) => api.get<NotificationSettings>('/api/me/notification-settings', { signal }),
  saveSettings: (update: NotificationSettingsUpdate) =>
    api.put<NotificationSettings>('/api/me/notification-settings', update),
};
