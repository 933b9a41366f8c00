import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { DiffView } from '../../components/DiffView';
import { DraftPanel } from '../../components/DraftPanel';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextAreaField } from '../../components/Field';
import { formatDateTime, formatPercent } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { ContentVersion } from '../../types/api';
import { useAuth } from '../../lib/auth/context';
import { RequestSummary } from '../../components/case/RequestSummary';
import { VersionList } from './components/VersionList';
import type { TaskDetail } from '../../types/api';
import { fetchCase, saveTask, type SavedVersion } from './api';
import { EditRatio } from './components/EditRatio';
import { LastDecisionNote } from '../../components/task/LastDecisionNote';
import { TaskHeader } from '../../components/task/TaskHeader';
import { useTaskAction } from '../../lib/task/useTaskAction';

const FIELDS = ['text'] as const;

/**
 * « Modifier le contenu » (`edit`) and « Rédiger à la main » (`handDraft`): one editor that
 * saves versions without completing, then submits the text.
 */
export function EditTask({ detail, mode }: { detail: TaskDetail; mode: 'edit' | 'handDraft' }) {
  const { t, locale } = useI18n();
  const { user } = useAuth();
  const { task, case: view } = detail;
  const action = useTaskAction(task, view.id, FIELDS);
  // the AI's text the edits are measured against (a hand-written draft is no AI text)
  const draftText = view.draft && view.draft.producer !== 'HUMAN' ? view.draft.text : '';
  const [text, setText] = useState(view.currentText ?? view.draft?.text ?? '');
  const [versions, setVersions] = useState<ContentVersion[]>(view.versions ?? []);
  const [saved, setSaved] = useState<SavedVersion | null>(null);
  const handDraft = mode === 'handDraft';


  const checked = (): string | null => {
    if (!text.trim()) {
      action.invalid('text', t('task.emptyText'));
      return null;
    }
    return text;
  };

  const onSave = () => {
    const value = checked();
    if (value === null) return;
    void action.run('SAVE', async () => {
      const result = await saveTask(task.id, value);
      setSaved(result);
      const mine: ContentVersion = {
        version: result.version,
        kind: handDraft ? 'HAND_DRAFT' : 'EDIT',
        author: user?.username ?? '',
        createdAt: result.savedAt,
        aiShare: result.aiShare,
      };
      setVersions((list) => [...list.filter((v) => v.version !== result.version), mine]);
      // The server's list is the reference (kind, author): take it when it comes.
      fetchCase(view.id).then(
        (fresh) => {
          if (fresh?.versions?.some((v) => v.version === result.version)) setVersions(fresh.versions);
        },
        () => undefined,
      );
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = checked();
    if (value === null) return;
    void action.complete({ decision: 'SUBMIT', text: value });
  };

  const pct = (value: number | null | undefined) => (value === null || value === undefined ? '—' : formatPercent(value, locale));

  return (
    <>
      <TaskHeader task={task} />
      {handDraft ? (
        <p className="alert alert-warning" data-testid="failure-reason">
          {view.failureReason ? t('handDraft.failure', { reason: view.failureReason }) : t('handDraft.failureUnknown')}
        </p>
      ) : null}
      <LastDecisionNote view={view} />
      <div className="two-columns">
        <div className="stack">
          {view.draft ? (
            <DraftPanel
              draft={view.draft}
              headingId="task-draft-title"
              title={handDraft ? t('handDraft.lastDraft') : t('task.draft')}
            />
          ) : null}
          <VersionList versions={versions} headingId="task-versions-title" title={t('versions.title')} />
          <RequestSummary view={view} headingId="task-request-title" title={t('task.request')} />
        </div>
        <form className="panel editor" onSubmit={onSubmit} noValidate aria-labelledby="editor-title">
          <h2 id="editor-title">{handDraft ? t('handDraft.title') : t('edit.title')}</h2>
          <ErrorMessage error={action.error} />
          <TextAreaField
            label={t('task.editor')}
            name="text"
            hint={handDraft ? t('handDraft.hint') : t('edit.hint')}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              action.clearFieldError('text');
            }}
            error={action.fieldErrors.text}
            required
            rows={18}
            className="letter-editor"
            lang="fr"
          />
          {draftText ? <EditRatio draft={draftText} text={text} /> : null}
          <div className="save-status" role="status" data-testid="save-status">
            {saved ? (
              <>
                <p>
                  <strong>{t('edit.saved', { version: saved.version })}</strong>{' '}
                  <span className="muted small">({formatDateTime(saved.savedAt, locale)})</span>
                </p>
                {saved.aiShare != null || saved.editRatioChars != null ? (
                  <p className="small">{t('edit.figures', { aiShare: pct(saved.aiShare), chars: pct(saved.editRatioChars) })}</p>
                ) : null}
              </>
            ) : null}
          </div>
          {draftText ? <DiffView before={draftText} after={text} /> : null}
          <div className="form-actions">
            <Button variant="secondary" busy={action.pending === 'SAVE'} disabled={action.busy} onClick={onSave}>
              {action.pending === 'SAVE' ? t('edit.saving') : t('edit.save')}
            </Button>
            <Button type="submit" busy={action.pending === 'SUBMIT'} disabled={action.busy}>
              {action.pending === 'SUBMIT' ? t('task.sending') : handDraft ? t('handDraft.submit') : t('edit.submit')}
            </Button>
          </div>
        </form>
      </div>
    </>
  );
}
