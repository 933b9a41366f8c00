import { formatDateTime, formatPercent } from '../../../lib/format';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import type { ContentVersion } from '../../../types/api';

const KNOWN_KINDS = new Set(['EDIT', 'HAND_DRAFT']);

/** The versions people saved: who, when, and how much of the text still comes from the AI. */
export function VersionList({
  versions,
  headingId,
  title,
  empty,
}: {
  versions: ContentVersion[];
  headingId: string;
  title: string;
  empty?: string;
}) {
  const { t, locale } = useI18n();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {versions.length === 0 ? (
        <p className="muted">{empty ?? t('versions.empty')}</p>
      ) : (
        // focusable: keyboard users can scroll the table when the column is narrow
        <div className="table-wrap table-flat" tabIndex={0} role="group" aria-labelledby={headingId}>
          <table className="table" data-testid="versions">
            <caption className="visually-hidden">{t('versions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('versions.col.version')}</th>
                <th scope="col">{t('versions.col.kind')}</th>
                <th scope="col">{t('versions.col.author')}</th>
                <th scope="col">{t('versions.col.date')}</th>
                <th scope="col">{t('versions.col.aiShare')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version}>
                  <th scope="row">{v.version}</th>
                  <td>{KNOWN_KINDS.has(v.kind) ? t(`versions.kind.${v.kind}` as MessageKey) : v.kind}</td>
                  <td>{v.author}</td>
                  <td>{formatDateTime(v.createdAt, locale)}</td>
                  <td>{v.aiShare === null || v.aiShare === undefined ? '—' : formatPercent(v.aiShare, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
