import { useState } from 'react';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/format';
import { useI18n, useT } from '../../lib/i18n';
import { announceUnreadChanged } from '../../lib/notifications';
import { Link } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { notificationsApi, PAGE_SIZE, type Notification } from './api';
import { NotificationSettingsForm } from './NotificationSettingsForm';

/** Where a notification leads: its task while it is to be done, else its case, else nowhere. */
export function linkOf(n: Notification): string | null {
  if (n.taskOpen) return `/tasks/${n.taskId}`;
  if (n.caseId !== null) return `/cases/${n.caseId}`;
  return null;
}

function Item({ n, onRead }: { n: Notification; onRead: (n: Notification) => void }) {
  const t = useT();
  const { lang } = useI18n();
  const link = linkOf(n);
  const what = n.subject ?? (n.caseId !== null ? t('notifications.case', { id: n.caseId }) : (n.taskName ?? ''));
  return (
    <li className={`notification-item${n.read ? '' : ' unread'}`} data-notification={n.kind}>
      <div className="notification-what">
        <strong>
          {n.read ? null : <span className="visually-hidden">{t('notifications.unread')} : </span>}
          {t(`notifications.kind.${n.kind}`)}
        </strong>
        <span>
          {link ? (
            <Link to={link} onClick={() => (n.read ? undefined : onRead(n))}>
              {what}
            </Link>
          ) : (
            what
          )}
          {n.taskName && what !== n.taskName ? <span className="muted"> — {n.taskName}</span> : null}
          {n.taskOpen ? null : <span className="muted"> ({t('notifications.taskDone')})</span>}
        </span>
        <span className="muted">{formatDateTime(n.createdAt, lang)}</span>
      </div>
      {n.read ? (
        <span className="muted">{t('notifications.read')}</span>
      ) : (
        <Button variant="secondary" onClick={() => onRead(n)}>
          {t('notifications.markRead')}
          <span className="visually-hidden"> : {what}</span>
        </Button>
      )}
    </li>
  );
}

/** The person's notifications, newest first, unread marked; their choices below (issue 19). */
export function NotificationsPage() {
  const t = useT();
  const [page, setPage] = useState(0);
  const { data, error, loading, reload } = useQuery(`notifications:${page}`, (signal) => notificationsApi.page(page, signal));
  const [failure, setFailure] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  const changed = () => {
    announceUnreadChanged();
    reload();
  };
  const onRead = async (n: Notification) => {
    setFailure(undefined);
    try {
      await notificationsApi.markRead(n.id);
      changed();
    } catch (e) {
      setFailure(e);
    }
  };
  const onReadAll = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await notificationsApi.markAllRead();
      changed();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <PageTitle title={t('notifications.title')}>{t('notifications.title')}</PageTitle>
          <p className="muted">{t('notifications.intro')}</p>
        </div>
        {data && data.unread > 0 ? (
          <Button variant="secondary" onClick={onReadAll} busy={busy}>
            {t('notifications.markAll')}
          </Button>
        ) : null}
      </div>
      <ErrorMessage error={failure} />
      {loading && !data ? <Loading /> : null}
      <ErrorMessage error={data ? undefined : error} onRetry={reload} />
      {data ? (
        <section aria-labelledby="notifications-list">
          <h2 id="notifications-list">
            {t('notifications.listTitle')} <span className="muted">{t('notifications.unreadCount', { count: data.unread })}</span>
          </h2>
          {data.items.length === 0 ? (
            <p className="muted">{t('notifications.none')}</p>
          ) : (
            <ul className="notification-list">
              {data.items.map((n) => (
                <Item key={n.id} n={n} onRead={onRead} />
              ))}
            </ul>
          )}
          {data.total > PAGE_SIZE ? (
            <nav aria-label={t('notifications.pages')} className="page-head">
              <Button variant="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
                {t('notifications.newer')}
              </Button>
              <Button variant="secondary" disabled={(page + 1) * PAGE_SIZE >= data.total} onClick={() => setPage(page + 1)}>
                {t('notifications.older')}
              </Button>
            </nav>
          ) : null}
        </section>
      ) : null}
      <NotificationSettingsForm />
    </div>
  );
}
