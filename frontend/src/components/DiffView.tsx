import { useDeferredValue, useId, useMemo, useState } from 'react';
import { diffStats, diffWords, type DiffPart } from '../lib/diff';
import { useI18n } from '../lib/i18n';

type Mode = 'inline' | 'sideBySide';

/**
 * The AI draft against the current text, word by word: inline (deletions struck through,
 * insertions underlined) or side by side. Computed on a deferred copy so typing stays fluid.
 */
export function DiffView({ before, after, headingLevel = 3 }: { before: string; after: string; headingLevel?: 2 | 3 }) {
  const { t, locale } = useI18n();
  const [mode, setMode] = useState<Mode>('inline');
  const deferredAfter = useDeferredValue(after);
  const parts = useMemo(() => diffWords(before, deferredAfter), [before, deferredAfter]);
  const stats = diffStats(parts);
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const fmt = (n: number) => new Intl.NumberFormat(locale).format(n);

  return (
    <section className="diff" aria-labelledby={headingId} data-testid="diff-view">
      <div className="diff-head">
        <Heading id={headingId}>{t('diff.title')}</Heading>
        <div className="segmented" role="group" aria-label={t('diff.mode')}>
          {(['inline', 'sideBySide'] as const).map((value) => (
            <button
              key={value}
              type="button"
              className="btn btn-secondary btn-small"
              aria-pressed={mode === value}
              onClick={() => setMode(value)}
            >
              {t(value === 'inline' ? 'diff.inline' : 'diff.sideBySide')}
            </button>
          ))}
        </div>
      </div>
      <p className="muted small" data-testid="diff-stats">
        {stats.inserted === 0 && stats.deleted === 0
          ? t('diff.same')
          : t('diff.stats', { inserted: fmt(stats.inserted), deleted: fmt(stats.deleted) })}
      </p>
      {mode === 'inline' ? (
        <div className="letter diff-text" data-testid="diff-inline" tabIndex={0} role="region" aria-label={t('diff.inline')}>
          {parts.map((part, i) => (
            <Part key={i} part={part} />
          ))}
        </div>
      ) : (
        <div className="diff-columns" data-testid="diff-side-by-side">
          <div>
            <h4 className="diff-column-title">{t('diff.before')}</h4>
            <div className="letter diff-text" tabIndex={0} role="region" aria-label={t('diff.before')}>
              {parts.map((part, i) => (part.kind === 'insert' ? null : <Part key={i} part={part} />))}
            </div>
          </div>
          <div>
            <h4 className="diff-column-title">{t('diff.after')}</h4>
            <div className="letter diff-text" tabIndex={0} role="region" aria-label={t('diff.after')}>
              {parts.map((part, i) => (part.kind === 'delete' ? null : <Part key={i} part={part} />))}
            </div>
          </div>
        </div>
      )}
    </section>
  );
}

function Part({ part }: { part: DiffPart }) {
  const { t } = useI18n();
  if (part.kind === 'insert') {
    return (
      <ins className="diff-insert">
        <span className="visually-hidden">[{t('diff.added')} </span>
        {part.text}
        <span className="visually-hidden">]</span>
      </ins>
    );
  }
  if (part.kind === 'delete') {
    return (
      <del className="diff-delete">
        <span className="visually-hidden">[{t('diff.removed')} </span>
        {part.text}
        <span className="visually-hidden">]</span>
      </del>
    );
  }
  return <span>{part.text}</span>;
}
