import { BarChart } from '../../../components/charts';
import { useI18n } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import type { MonthlyFootprint } from './api';
import { useTt } from './text';

/** "2026-11" → "nov. 2026" in the page's language. */
export function monthLabel(month: string, locale: string): string {
  const [year, m] = month.split('-').map(Number);
  if (!year || !m) return month;
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, m - 1, 1)));
}

/** "1,2" or "1,2 – 3,4" when the estimate is a range. */
export function range(min: number, max: number, locale: string, digits = 1): string {
  const low = formatNumber(min, locale, digits);
  const high = formatNumber(max, locale, digits);
  return low === high ? high : `${low} – ${high}`;
}

/** Energy per month as bars (upper estimate, the lower one marked on each bar); the table beside it carries the same figures. */
export function FootprintChart({ months }: { months: MonthlyFootprint[] }) {
  const tt = useTt();
  const { locale } = useI18n();
  return (
    <BarChart
      label={tt('footprint.chart')}
      locale={locale}
      bars={months.map((m) => ({ key: m.month, label: monthLabel(m.month, locale), value: m.energyWhMax, low: m.energyWhMin }))}
    />
  );
}
