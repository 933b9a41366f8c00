import { useMemo, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { DraftPanel } from '../../components/DraftPanel';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextAreaField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { estimateAiShare } from '../../lib/aiShare';
import { useI18n } from '../../lib/i18n';
import { Link, navigate } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { RequestSummary } from '../cases/components/RequestSummary';
import { completeTask, fetchTask, type TaskDetail } from './api';

export function TaskPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useQuery(`task-${id}`, (signal) => fetchTask(id, signal));

  return (
    <>
      {data ? (
        <TaskReview key={data.task.id} detail={data} />
      ) : (
        <>
          <PageTitle title={t('tasks.title')}>{t('tasks.title')}</PageTitle>
          {loading ? <Loading /> : null}
          <ErrorMessage error={error} onRetry={reload} />
        </>
      )}
      <p className="back-link">
        <Link to="/tasks">{t('task.back')}</Link>
      </p>
    </>
  );
}

function TaskReview({ detail }: { detail: TaskDetail }) {
  const { t, locale } = useI18n();
  const { task, case: view } = detail;
  const draftText = view.draft?.text ?? '';
  const [text, setText] = useState(draftText);
  const [error, setError] = useState<unknown>(undefined);
  const [textError, setTextError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const share = useMemo(() => (draftText ? estimateAiShare(draftText, text) : null), [draftText, text]);
  const percent = share === null ? null : Math.round(share * 100);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setTextError(t('task.emptyText'));
      return;
    }
    setBusy(true);
    setError(undefined);
    setTextError(undefined);
    try {
      const updated = await completeTask(task.id, 'APPROVE', text);
      navigate(`/cases/${updated.id ?? view.id}`, { state: updated });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <>
      <div className="page-head">
        <div>
          <PageTitle title={`${task.name} — ${task.subject}`}>{task.name}</PageTitle>
          <p className="muted">
            {task.subject} · {task.memberName} · {task.useCaseName}
          </p>
        </div>
      </div>
      <div className="two-columns">
        <div className="stack">
          <RequestSummary view={view} headingId="task-request-title" title={t('task.request')} />
          {view.draft ? (
            <DraftPanel draft={view.draft} headingId="task-draft-title" title={t('task.draft')} />
          ) : (
            <p className="alert alert-warning">{t('task.noDraft')}</p>
          )}
        </div>
        <form className="panel editor" onSubmit={onSubmit} noValidate aria-labelledby="editor-title">
          <h2 id="editor-title">{t('task.review')}</h2>
          <ErrorMessage error={error} />
          <TextAreaField
            label={t('task.editor')}
            name="text"
            hint={t('task.editorHint')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={textError}
            required
            rows={18}
            className="letter-editor"
            lang="fr"
          />
          {percent !== null ? (
            <p className="ai-share">
              <span className="meter" aria-hidden="true">
                <span className="meter-fill" style={{ width: `${percent}%` }} />
              </span>
              {t('task.aiShare', { percent: new Intl.NumberFormat(locale).format(percent) })}
            </p>
          ) : null}
          <div className="form-actions">
            <Button type="submit" busy={busy}>
              {busy ? t('task.approving') : t('task.approve')}
            </Button>
          </div>
        </form>
      </div>
    </>
  );
}
