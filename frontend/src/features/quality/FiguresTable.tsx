import { useI18n } from '../../lib/i18n';
import { formatNumber } from '../../lib/format';
import { TableWrap } from '../../components/TableWrap';
import type { ReviewerFigures } from './api';
import { percent } from './text';

/** Figures per use case (and person, when {@code withPerson}), one row each. */
export function FiguresTable({
  rows,
  caption,
  withPerson,
  names,
}: {
  rows: ReviewerFigures[];
  caption: string;
  withPerson: boolean;
  /** the use cases' names by key */
  names: Record<string, string>;
}) {
  const { t, locale } = useI18n();
  return (
    <TableWrap label={caption}>
      <table className="table figures-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('quality.useCase')}</th>
            {withPerson ? <th scope="col">{t('figures.reviewer')}</th> : null}
            <th scope="col">{t('figures.cases')}</th>
            <th scope="col">{t('figures.acceptedWithoutEdit')}</th>
            <th scope="col">{t('figures.meanEditRatio')}</th>
            <th scope="col">{t('figures.minutesToFirstDecision')}</th>
            <th scope="col">{t('figures.secondsPer1000')}</th>
            <th scope="col">{t('figures.regenerations')}</th>
            <th scope="col">{t('figures.disagreement')}</th>
            <th scope="col">{t('figures.belowFloor')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={`${f.useCaseKey}-${f.username ?? 'team'}`} data-testid="figures-row">
              <th scope="row">{names[f.useCaseKey] ?? f.useCaseKey}</th>
              {withPerson ? <td>{f.username}</td> : null}
              <td>{f.cases}</td>
              <td>{percent(f.acceptedWithoutEdit, locale)}</td>
              <td>{formatNumber(f.meanEditRatio, locale, 3)}</td>
              <td>{formatNumber(f.meanMinutesToFirstDecision, locale, 1)}</td>
              <td>{formatNumber(f.secondsPer1000Chars, locale, 1)}</td>
              <td>{formatNumber(f.regenerationsPerCase, locale, 2)}</td>
              <td>
                {percent(f.disagreement, locale)}
                {f.secondReviews > 0 ? <span className="muted small"> ({t('figures.over', { n: f.secondReviews })})</span> : null}
              </td>
              <td>{f.approvalsBelowFloor}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
