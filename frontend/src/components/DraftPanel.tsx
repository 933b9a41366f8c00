import type { Ref } from 'react';
import { useI18n } from '../lib/i18n';
import { formatDateTime } from '../lib/format';
import type { Draft } from '../types/api';
import { AiBadge } from './AiBadge';
import { DraftFlags, DraftSources } from './DraftSources';

interface DraftPanelProps {
  draft: Draft;
  headingId: string;
  title: string;
  /** Put at the end of the text: a screen that needs the whole draft displayed watches it. */
  endRef?: Ref<HTMLSpanElement>;
  openedSources?: ReadonlySet<string>;
  onOpenSource?: (key: string) => void;
}

/** An AI draft, framed and marked as machine-produced, with its flags and the sources it used. */
export function DraftPanel({ draft, headingId, title, endRef, openedSources, onOpenSource }: DraftPanelProps) {
  const { t, locale } = useI18n();
  return (
    <section className="panel panel-ai" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <AiBadge draft={draft} />
      {draft.flags?.length ? <DraftFlags flags={draft.flags} /> : null}
      <div
        className="letter letter-draft letter-scroll"
        data-testid="draft-text"
        tabIndex={0}
        role="region"
        aria-label={t('task.draftText')}
      >
        {draft.text}
        <span ref={endRef} className="text-end" data-testid="draft-end" aria-hidden="true" />
      </div>
      <p className="muted small">{t('case.draftCreatedAt', { date: formatDateTime(draft.createdAt, locale) })}</p>
      {draft.sources?.length ? <DraftSources sources={draft.sources} opened={openedSources} onOpen={onOpenSource} /> : null}
    </section>
  );
}
