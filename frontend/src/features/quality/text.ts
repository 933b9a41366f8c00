import { formatNumber } from '../../lib/format';

/** A share (0–1) as a percentage with one decimal: 0.3749 → « 37,5 % ». */
export function percent(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** A euro amount small enough to need four decimals (a model call costs fractions of a cent). */
export function euros(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 4 }).format(value);
}

/** κ and its interval: « 0,41 [0,15 ; 0,65] ». */
export function kappaText(kappa: number | null, low: number | null, high: number | null, locale: string): string {
  if (kappa === null) return '—';
  const k = formatNumber(kappa, locale, 2);
  if (low === null || high === null) return k;
  const sep = locale.startsWith('fr') ? ' ; ' : ', ';
  return `${k} [${formatNumber(low, locale, 2)}${sep}${formatNumber(high, locale, 2)}]`;
}
