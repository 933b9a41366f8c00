import { useI18n } from '../../lib/i18n';
import { formatNumber } from '../lifecycle/text';
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

/**
 * Energy per month as bars, drawn in SVG like the lifecycle's charts (the app has no charting
 * dependency and needs none for this); the table beside it carries the same figures.
 */
export function FootprintChart({ months }: { months: MonthlyFootprint[] }) {
  const tt = useTt();
  const { locale } = useI18n();
  const width = 560;
  const height = 220;
  const left = 48;
  const bottom = 28;
  const top = 16;
  const max = Math.max(...months.map((m) => m.energyWhMax), 0.001);
  const slot = (width - left - 8) / Math.max(months.length, 1);
  const bar = Math.min(40, slot * 0.6);
  const y = (v: number) => top + (height - top - bottom) * (1 - v / max);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={tt('footprint.chart')}>
      <line x1={left} x2={width - 4} y1={y(0)} y2={y(0)} stroke="#4b5563" />
      <line x1={left} x2={left} y1={top} y2={y(0)} stroke="#4b5563" />
      <text x={left - 6} y={y(max) + 4} textAnchor="end" fontSize="11" fill="#1f2937">{formatNumber(max, locale)}</text>
      <text x={left - 6} y={y(0)} textAnchor="end" fontSize="11" fill="#1f2937">0</text>
      {months.map((m, i) => {
        const x = left + slot * i + (slot - bar) / 2;
        return (
          <g key={m.month} data-month={m.month}>
            <rect x={x} y={y(m.energyWhMax)} width={bar} height={Math.max(y(0) - y(m.energyWhMax), 0)} fill="#1d4ed8" />
            {m.energyWhMin < m.energyWhMax ? (
              <line x1={x} x2={x + bar} y1={y(m.energyWhMin)} y2={y(m.energyWhMin)} stroke="#fff" strokeDasharray="3 2" />
            ) : null}
            <text x={x + bar / 2} y={height - 10} textAnchor="middle" fontSize="11" fill="#1f2937">{monthLabel(m.month, locale)}</text>
          </g>
        );
      })}
    </svg>
  );
}
