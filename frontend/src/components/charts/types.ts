/**
 * The shapes of the app's charts, free of any charting library so that the pages import them
 * without pulling the library into the first load (it comes with the lazy chunk of Charts.tsx).
 */

/** Every chart is an image with a name; its figures are also in a table beside it. */
export interface ChartBase {
  /** The accessible name (already translated), e.g. « Énergie consommée par mois ». */
  label: string;
  /** The page's locale, for the numbers on the axes. */
  locale: string;
}

/** One dot of a scatter plot. */
export interface ScatterPoint {
  id: string | number;
  x: number;
  y: number;
  /** Shown on hover: the table beside the chart has the same. */
  name: string;
}

export interface ScatterChartProps extends ChartBase {
  points: ScatterPoint[];
  xLabel: string;
  yLabel: string;
  /** Both axes' range; the data's own range when absent. */
  domain?: [number, number];
}

/** One line of a line chart: `key` names the value in each row of `rows`. */
export interface LineSeries {
  key: string;
  name: string;
  /** Told apart by more than colour (WCAG 1.4.1): a dashed line has no dots. */
  dashed?: boolean;
  tone: ChartTone;
}

/** A horizontal threshold (a target, a guardrail), drawn as a dashed line with its name. */
export interface ReferenceValue {
  value: number;
  name: string;
  tone: ChartTone;
}

export interface LineChartProps extends ChartBase {
  /** One row per x value (a day): `x` is its tick, each series' value under its key (null: none). */
  rows: Array<{ x: string } & Record<string, number | string | null>>;
  series: LineSeries[];
  references?: ReferenceValue[];
}

/** One bar: `value` is its height; `low`, the lower end when the value is an estimate range. */
export interface BarDatum {
  key: string;
  label: string;
  value: number;
  low?: number;
}

export interface BarChartProps extends ChartBase {
  bars: BarDatum[];
}

/**
 * Each kind's drawing size in CSS pixels: fixed, so that the layout needs no ResizeObserver; the
 * SVG's viewBox lets CSS shrink it on a narrow screen. The placeholder shown while the library
 * loads has the same size.
 */
export const CHART_SIZES = { scatter: [360, 320], line: [560, 240], bar: [560, 240] } as const;

/** The app's palette, each colour at least 3:1 against white (WCAG 1.4.11). */
export type ChartTone = 'primary' | 'neutral' | 'danger' | 'success';
