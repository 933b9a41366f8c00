import type { KnowledgeDocumentSummary } from './api';
import { useKt } from './text';

/** Retired, stale (past its review date) or up to date, as a tag; words, not only colours. */
export function DocumentStatus({ document }: { document: Pick<KnowledgeDocumentSummary, 'stale' | 'retired'> }) {
  const kt = useKt();
  if (document.retired) return <span className="tag">{kt('status.retired')}</span>;
  if (document.stale) return <span className="tag tag-warning">{kt('status.stale')}</span>;
  return <span className="tag tag-done">{kt('status.upToDate')}</span>;
}
