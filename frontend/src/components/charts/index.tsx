import { lazy, Suspense, type ReactNode } from 'react';
import { CHART_SIZES as SIZES, type BarChartProps, type LineChartProps, type ScatterChartProps } from './types';

export type { BarChartProps, BarDatum, ChartTone, LineChartProps, LineSeries, ReferenceValue, ScatterChartProps, ScatterPoint } from './types';

/*
 * The app's charts, drawn by recharts. The pages import this file only: the library comes in a
 * chunk of its own, fetched the first time a chart is shown (the initial JavaScript has a budget).
 */
const LazyScatter = lazy(() => import('./Charts').then((m) => ({ default: m.ScatterChart })));
const LazyLine = lazy(() => import('./Charts').then((m) => ({ default: m.LineChart })));
const LazyBar = lazy(() => import('./Charts').then((m) => ({ default: m.BarChart })));

/**
 * The one frame of every chart: an image named by `label` (the same name while the library loads),
 * at most its drawing's width.
 */
function ChartImage({ label, size, kind, children }: { label: string; size: readonly [number, number]; kind: string; children: ReactNode }) {
  const [width, height] = size;
  return (
    <div className={`chart-image chart-${kind}`} role="img" aria-label={label} style={{ maxWidth: width }}>
      <Suspense fallback={<div className="chart-placeholder" style={{ aspectRatio: `${width} / ${height}` }} />}>{children}</Suspense>
    </div>
  );
}

/** Dots on two numeric axes (the portfolio's value against environmental impact). */
export function ScatterChart(props: ScatterChartProps) {
  return <ChartImage label={props.label} size={SIZES.scatter} kind="scatter"><LazyScatter {...props} /></ChartImage>;
}

/** Lines over days (an experiment's KPI, pilot against control), with thresholds. */
export function LineChart(props: LineChartProps) {
  return <ChartImage label={props.label} size={SIZES.line} kind="line"><LazyLine {...props} /></ChartImage>;
}

/** One bar per category (a month's energy), an estimate's low end marked on its bar. */
export function BarChart(props: BarChartProps) {
  return <ChartImage label={props.label} size={SIZES.bar} kind="bar"><LazyBar {...props} /></ChartImage>;
}
