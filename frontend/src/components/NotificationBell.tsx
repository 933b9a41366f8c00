import { hasRole, useAuth } from '../lib/auth/context';
import { useT } from '../lib/i18n';
import { useUnreadCount } from '../lib/notifications';
import { NavLink } from '../lib/router';

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm0 19a2.5 2.5 0 0 0 2.4-2h-4.8A2.5 2.5 0 0 0 12 22Z"
        fill="currentColor"
      />
    </svg>
  );
}

/**
 * The header's bell: an icon with a visually hidden label and the unread count as a badge, a link to the
 * notifications (issue 19). Keeps the header on one line at 1,280 pixels.
 */
export function NotificationBell() {
  const { user } = useAuth();
  const t = useT();
  const enabled = !!user && !hasRole(user, 'SERVICE');
  const unread = useUnreadCount(enabled);
  if (!enabled) return null;
  const label =
    unread === undefined
      ? t('notifications.bell')
      : unread === 0
        ? t('notifications.bellNone')
        : t('notifications.bellUnread', { count: unread });
  return (
    <NavLink to="/notifications" className="notification-bell" data-unread={unread ?? ''}>
      <BellIcon />
      <span className="visually-hidden">{label}</span>
      {unread ? (
        <span className="notification-badge" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </NavLink>
  );
}
