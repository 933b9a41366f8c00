import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextAreaField } from '../../../components/Field';
import { Loading } from '../../../components/Loading';
import { ApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/useQuery';
import { addComment, fetchComments, type TaskComment } from '../api';

/** Comments kept by the engine on the case's tasks, oldest first, and a field to add one. */
export function TaskComments({ taskId }: { taskId: string }) {
  const { t, locale } = useI18n();
  const { data, error, loading, reload } = useQuery(`task-comments-${taskId}`, (signal) => fetchComments(taskId, signal));
  const [added, setAdded] = useState<TaskComment[]>([]);
  const [message, setMessage] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [sendError, setSendError] = useState<unknown>();
  const [sending, setSending] = useState(false);
  const comments = [...(data ?? []), ...added.filter((a) => !data?.some((c) => c.id === a.id))];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const value = message.trim();
    if (!value) {
      setFieldError(t('comments.required'));
      return;
    }
    setSending(true);
    setSendError(undefined);
    try {
      const comment = await addComment(taskId, value);
      setAdded((list) => [...list, comment]);
      setMessage('');
      setFieldError(undefined);
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.message) setFieldError(e.fieldErrors.message);
      else setSendError(e);
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="comments-title" data-testid="task-comments">
      <h2 id="comments-title">{t('comments.title')}</h2>
      {loading && !data ? <Loading /> : null}
      <ErrorMessage error={error} onRetry={reload} />
      {data && comments.length === 0 ? <p className="muted">{t('comments.empty')}</p> : null}
      {comments.length > 0 ? (
        <ol className="comment-list">
          {comments.map((c) => (
            <li key={c.id} className="comment" data-testid="task-comment">
              <p className="comment-meta muted small">
                {t('comments.by', { author: c.author ?? '—', date: formatDateTime(c.at, locale) })}
                {c.thisTask ? null : <span className="tag">{t('comments.earlier')}</span>}
              </p>
              <p className="comment-text">{c.message}</p>
            </li>
          ))}
        </ol>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="comment-form">
        <ErrorMessage error={sendError} />
        <TextAreaField
          label={t('comments.label')}
          name="comment"
          hint={t('comments.hint')}
          value={message}
          onChange={(e) => {
            setMessage(e.target.value);
            setFieldError(undefined);
          }}
          error={fieldError}
          rows={3}
          maxLength={2000}
        />
        <div className="form-actions">
          <Button type="submit" variant="secondary" busy={sending}>
            {sending ? t('comments.adding') : t('comments.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}
