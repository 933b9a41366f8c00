import { useI18n } from '../lib/i18n';
import type { DraftFlag, DraftSource } from '../types/api';

/** A source's stable key: its mark in the draft ([S1]…), unique within a draft. */
export function sourceKey(source: DraftSource, index: number): string {
  return source.id || `#${index}`;
}

/**
 * The knowledge passages the AI used, each openable (a disclosure widget), with a warning on
 * those whose document is past its review date. `onOpen` tells the page which ones were read.
 */
export function DraftSources({
  sources,
  opened,
  onOpen,
}: {
  sources: DraftSource[];
  opened?: ReadonlySet<string>;
  onOpen?: (key: string) => void;
}) {
  const { t } = useI18n();
  if (sources.length === 0) return null;
  const stale = sources.filter((s) => s.stale).length;
  return (
    <section className="draft-sources" aria-labelledby="draft-sources-title" data-testid="draft-sources">
      <h3 id="draft-sources-title">{t('sources.title', { count: sources.length })}</h3>
      {stale > 0 ? (
        <p className="alert alert-warning" data-testid="stale-warning">
          {t('sources.staleWarning', { count: stale })}
        </p>
      ) : null}
      <ul className="source-list">
        {sources.map((source, i) => {
          const key = sourceKey(source, i);
          return (
            <li key={key}>
              <details
                className="source"
                data-testid="draft-source"
                onToggle={(e) => {
                  if ((e.currentTarget as HTMLDetailsElement).open) onOpen?.(key);
                }}
              >
                <summary>
                  <span className="muted">[{source.id}] </span>
                  <span className="strong">{source.title}</span>
                  {source.heading ? <span> › {source.heading}</span> : null}
                  {source.reference ? <span className="muted"> — {source.reference}</span> : null}
                  {source.stale ? <span className="tag tag-warning">{t('sources.stale')}</span> : null}
                  {opened?.has(key) ? <span className="tag tag-done">{t('sources.read')}</span> : null}
                </summary>
                {source.excerpt ? <blockquote className="source-excerpt">{source.excerpt}</blockquote> : <p className="muted">{t('sources.noExcerpt')}</p>}
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Guardrail and injection flags, most severe first, each with its code for the specialists. */
export function DraftFlags({ flags }: { flags: DraftFlag[] }) {
  const { t } = useI18n();
  if (flags.length === 0) return null;
  const rank = (f: DraftFlag) => ({ BLOCKING: 0, HIGH: 0, ERROR: 0, WARNING: 1, MEDIUM: 1 })[f.severity?.toUpperCase() ?? ''] ?? 2;
  const sorted = [...flags].sort((a, b) => rank(a) - rank(b));
  return (
    <div className="alert alert-warning draft-flags" role="note" data-testid="draft-flags">
      <p className="strong">{t('flags.title', { count: flags.length })}</p>
      <ul>
        {sorted.map((flag, i) => (
          <li key={`${flag.code}-${i}`} data-testid="draft-flag">
            {flag.message} <span className="muted small">({flag.code}{flag.severity ? ` · ${flag.severity}` : ''})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
