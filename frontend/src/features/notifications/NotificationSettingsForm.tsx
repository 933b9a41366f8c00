import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../lib/i18n';
import { useQuery } from '../../lib/useQuery';
import { NOTIFICATION_KINDS, notificationsApi, type NotificationKind, type NotificationSettings } from './api';

function Form({ initial }: { initial: NotificationSettings }) {
  const t = useT();
  const [kinds, setKinds] = useState<NotificationKind[]>(initial.kinds);
  const [digest, setDigest] = useState(initial.dailyDigest);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);

  const toggle = (kind: NotificationKind) =>
    setKinds((current) => (current.includes(kind) ? current.filter((k) => k !== kind) : [...current, kind]));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const answer = await notificationsApi.saveSettings({ kinds, dailyDigest: digest });
      setKinds(answer.kinds);
      setDigest(answer.dailyDigest);
      setSaved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset>
        <legend>{t('notifications.settings.inApp')}</legend>
        {NOTIFICATION_KINDS.map((kind) => (
          <label key={kind}>
            <input type="checkbox" checked={kinds.includes(kind)} onChange={() => toggle(kind)} />
            {t(`notifications.kind.${kind}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('notifications.settings.digestTitle')}</legend>
        <label>
          <input
            type="checkbox"
            checked={digest}
            disabled={initial.email === null}
            onChange={(e) => setDigest(e.target.checked)}
            aria-describedby="notification-digest-help"
          />
          {t('notifications.settings.digest')}
        </label>
        <p id="notification-digest-help" className="muted">
          {initial.email === null ? t('notifications.settings.noEmail') : t('notifications.settings.digestTo', { email: initial.email })}
        </p>
      </fieldset>
      <ErrorMessage error={error} />
      {saved ? <p role="status">{t('notifications.settings.saved')}</p> : null}
      <Button type="submit" busy={busy}>
        {t('notifications.settings.save')}
      </Button>
    </form>
  );
}

/** The person's choices: which kinds they see, and the daily digest by e-mail. */
export function NotificationSettingsForm() {
  const t = useT();
  const { data, error, reload } = useQuery('notifications:settings', (signal) => notificationsApi.settings(signal));
  return (
    <section className="card notification-settings" aria-labelledby="notification-settings-title">
      <h2 id="notification-settings-title">{t('notifications.settings.title')}</h2>
      <ErrorMessage error={data ? undefined : error} onRetry={reload} />
      {data ? <Form initial={data} /> : null}
    </section>
  );
}
