import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextAreaField, TextField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useTaskName } from '../../components/task/TaskHeader';
import { ApiError, type FieldErrors } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { Link, navigate } from '../../lib/router';
import type { TaskListState } from '../../lib/task/useTaskAction';
import { useQuery } from '../../lib/useQuery';
import type { TaskDetail } from '../../types/api';
import { knowledgeApi, type KnowledgeDocumentDetail, type ReviewDecision, type ReviewDecisionKind } from './api';
import { DocumentStatus } from './DocumentStatus';
import { FileImport } from './FileImport';
import { PassageList } from './PassageList';
import { formatDay, useKt, type KnowledgeNotice } from './text';

/**
 * « Relire le document » (`reviewDocument`, knowledge-review.bpmn): the owner of a stale document
 * reads it and confirms it (still right: reviewed today), updates it (the new text, typed or read
 * from a PDF or DOCX, counts as today's review) or retires it with a reason. Opened from the task
 * list, or from the knowledge base by owners whose role has no task list (`returnTo="knowledge"`).
 */
export function ReviewDocumentTask({ detail, returnTo = 'tasks' }: { detail: TaskDetail; returnTo?: 'tasks' | 'knowledge' }) {
  const kt = useKt();
  const name = useTaskName(detail.task);
  const taskId = detail.task.id;
  const review = useQuery(`knowledge-review-${taskId}`, (signal) => knowledgeApi.review(taskId, signal));
  const reference = review.data?.reference;
  const document = useQuery(`knowledge-review-document-${reference ?? ''}`, (signal) =>
    reference ? knowledgeApi.document(reference, signal) : Promise.resolve(null),
  );

  return (
    <>
      <div className="page-head">
        <div>
          <PageTitle title={review.data ? `${name} — ${review.data.title}` : name}>{name}</PageTitle>
          {review.data ? (
            <p className="muted">
              {review.data.title} ({review.data.reference}) · {kt('review.due', { date: formatDay(review.data.reviewDue) })}
            </p>
          ) : null}
        </div>
      </div>
      {review.loading || document.loading ? <Loading /> : null}
      <ErrorMessage error={review.error ?? document.error} onRetry={review.error ? review.reload : document.reload} />
      {document.data ? <Review taskId={taskId} detail={document.data} returnTo={returnTo} /> : null}
    </>
  );
}

function Review({ taskId, detail, returnTo }: { taskId: string; detail: KnowledgeDocumentDetail; returnTo: 'tasks' | 'knowledge' }) {
  const kt = useKt();
  const t = useT();
  const d = detail.document;
  const [confirmComment, setConfirmComment] = useState('');
  const [title, setTitle] = useState(d.title);
  const [body, setBody] = useState(detail.body);
  const [retireReason, setRetireReason] = useState('');
  const [pending, setPending] = useState<ReviewDecisionKind | null>(null);
  const [errors, setErrors] = useState<Partial<Record<ReviewDecisionKind, unknown>>>({});
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const complete = async (decision: ReviewDecision, fields: Record<string, string>) => {
    if (pending) return;
    setPending(decision.decision);
    setErrors({});
    setFieldErrors({});
    try {
      await knowledgeApi.completeReview(taskId, decision);
      if (returnTo === 'knowledge') {
        navigate('/knowledge', { state: { message: kt(`review.done.${decision.decision}`, { title: d.title }) } satisfies KnowledgeNotice });
      } else {
        navigate('/tasks', { state: { message: t('task.done') } satisfies TaskListState });
      }
    } catch (e) {
      // the server names the request's fields (comment, title, body): shown next to this form's own
      const own: FieldErrors = {};
      if (e instanceof ApiError) {
        for (const [field, message] of Object.entries(e.fieldErrors)) {
          if (fields[field]) own[fields[field]] = message;
        }
      }
      setFieldErrors(own);
      setErrors({ [decision.decision]: Object.keys(own).length > 0 && e instanceof ApiError ? e.message : e });
      const first = Object.keys(own)[0];
      if (first) window.document.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      setPending(null);
    }
  };

  const onConfirm = (event: FormEvent) => {
    event.preventDefault();
    void complete(
      { decision: 'CONFIRM', comment: confirmComment.trim() || null, title: null, body: null },
      { comment: 'confirmComment' },
    );
  };

  const onUpdate = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setFieldErrors({ body: kt('review.bodyRequired') });
      window.document.querySelector<HTMLElement>('[name="body"]')?.focus();
      return;
    }
    void complete({ decision: 'UPDATE', comment: null, title: title.trim() || null, body }, { title: 'title', body: 'body' });
  };

  const onRetire = (event: FormEvent) => {
    event.preventDefault();
    if (!retireReason.trim()) {
      setFieldErrors({ retireReason: kt('review.reasonRequired') });
      window.document.querySelector<HTMLElement>('[name="retireReason"]')?.focus();
      return;
    }
    void complete({ decision: 'RETIRE', comment: retireReason.trim(), title: null, body: null }, { comment: 'retireReason' });
  };

  return (
    <div className="two-columns">
      <section className="panel" aria-labelledby="review-document-title">
        <h2 id="review-document-title">
          {kt('review.document')} <DocumentStatus document={d} />
        </h2>
        <dl className="facts">
          <div>
            <dt>{kt('field.owner')}</dt>
            <dd>
              {d.owner} ({d.ownerGroup})
            </dd>
          </div>
          <div>
            <dt>{kt('document.lastReviewed')}</dt>
            <dd>
              {formatDay(d.lastReviewed)}
              {d.lastReviewedBy ? ` — ${d.lastReviewedBy}` : ''}
            </dd>
          </div>
          <div>
            <dt>{kt('field.reviewIntervalDays')}</dt>
            <dd>{kt('document.days', { days: d.reviewIntervalDays })}</dd>
          </div>
        </dl>
        <div className="letter-scroll" tabIndex={0} role="region" aria-label={kt('review.passagesLabel', { title: d.title })}>
          <PassageList passages={detail.passages} />
        </div>
        <p>
          <Link to={`/knowledge/documents/${encodeURIComponent(d.reference)}`}>{kt('review.openDocument')}</Link>
        </p>
      </section>
      <section className="panel decisions" aria-labelledby="review-decision-title">
        <h2 id="review-decision-title">{t('task.decision')}</h2>
        <p className="muted">{kt('review.intro')}</p>

        <form className="decision" onSubmit={onConfirm} noValidate aria-labelledby="review-confirm-title">
          <h3 id="review-confirm-title">{kt('review.confirmTitle')}</h3>
          <ErrorMessage error={errors.CONFIRM} />
          <TextAreaField
            label={kt('review.comment')}
            name="confirmComment"
            hint={kt('review.commentHint')}
            value={confirmComment}
            onChange={(e) => setConfirmComment(e.target.value)}
            rows={2}
            maxLength={2000}
            error={fieldErrors.confirmComment}
          />
          <Button type="submit" busy={pending === 'CONFIRM'} disabled={pending !== null}>
            {kt('review.confirm')}
          </Button>
        </form>

        <form className="decision" onSubmit={onUpdate} noValidate aria-labelledby="review-update-title">
          <h3 id="review-update-title">{kt('review.updateTitle')}</h3>
          <p className="field-hint">{kt('review.updateHint')}</p>
          <ErrorMessage error={errors.UPDATE} />
          <TextField
            label={kt('field.title')}
            name="title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={200}
            error={fieldErrors.title}
          />
          <FileImport
            disabled={pending !== null}
            onRead={(read) => {
              setBody(read.body);
              if (read.title) setTitle(read.title);
            }}
          />
          <TextAreaField
            label={kt('field.body')}
            name="body"
            hint={kt('field.bodyHint')}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={12}
            required
            error={fieldErrors.body}
          />
          <Button type="submit" busy={pending === 'UPDATE'} disabled={pending !== null}>
            {kt('review.update')}
          </Button>
        </form>

        <form className="decision" onSubmit={onRetire} noValidate aria-labelledby="review-retire-title">
          <h3 id="review-retire-title">{kt('review.retireTitle')}</h3>
          <ErrorMessage error={errors.RETIRE} />
          <TextAreaField
            label={kt('review.reason')}
            name="retireReason"
            hint={kt('review.reasonHint')}
            value={retireReason}
            onChange={(e) => setRetireReason(e.target.value)}
            rows={2}
            maxLength={2000}
            required
            error={fieldErrors.retireReason}
          />
          <Button type="submit" variant="danger" busy={pending === 'RETIRE'} disabled={pending !== null}>
            {kt('review.retire')}
          </Button>
        </form>
      </section>
    </div>
  );
}
