import { useI18n } from '../lib/i18n';
import { formatDateTime } from '../lib/format';
import type { Draft } from '../types/api';
import { AiBadge } from './AiBadge';

/** An AI draft, framed and marked as machine-produced. */
export function DraftPanel({ draft, headingId, title }: { draft: Draft; headingId: string; title: string }) {
  const { t, locale } = useI18n();
  return (
    <section className="panel panel-ai" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <AiBadge draft={draft} />
      <div className="letter letter-draft">{draft.text}</div>
      <p className="muted small">{t('case.draftCreatedAt', { date: formatDateTime(draft.createdAt, locale) })}</p>
    </section>
  );
}
