import {
  Bar,
  BarChart as RechartsBarChart,
  CartesianGrid,
  LabelList,
  Legend,
  Line,
  LineChart as RechartsLineChart,
  ReferenceLine,
  Scatter,
  ScatterChart as RechartsScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CHART_SIZES as SIZES, type BarChartProps, type ChartTone, type LineChartProps, type ScatterChartProps } from './types';

// Loaded only through index.tsx's React.lazy: recharts stays out of the first page load.

const TONES: Record<ChartTone, string> = { primary: '#1d4e89', neutral: '#566170', danger: '#a61b1b', success: '#1b6b3a' };
const TEXT = '#1b2430';
const TICK = { fill: TEXT, fontSize: 12 };
const GRID = '#d5dbe3';

function numberFormat(locale: string) {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return (v: number) => format.format(v);
}

// The wrapper carries role="img" and the name: the SVG inside is decoration for assistive
// technologies (its figures are in the table), so recharts' keyboard layer (role="application") is off.
const common = { accessibilityLayer: false } as const;

export function ScatterChart({ points, xLabel, yLabel, domain, locale }: ScatterChartProps) {
  const [width, height] = SIZES.scatter;
  const format = numberFormat(locale);
  const axisDomain = domain ?? (['auto', 'auto'] as const);
  return (
    <RechartsScatterChart {...common} width={width} height={height} margin={{ top: 12, right: 24, bottom: 28, left: 12 }}>
      <CartesianGrid stroke={GRID} />
      <XAxis type="number" dataKey="x" name={xLabel} domain={axisDomain} tick={TICK} tickFormatter={format}
        label={{ value: xLabel, position: 'insideBottom', offset: -16, fill: TEXT, fontSize: 12 }} />
      <YAxis type="number" dataKey="y" name={yLabel} domain={axisDomain} tick={TICK} tickFormatter={format}
        label={{ value: yLabel, angle: -90, position: 'insideLeft', fill: TEXT, fontSize: 12, style: { textAnchor: 'middle' } }} />
      <Tooltip formatter={(v) => format(Number(v))}
        labelFormatter={(_, payload) => (payload?.[0]?.payload as { name?: string } | undefined)?.name ?? ''} />
      <Scatter data={points} fill={TONES.primary} isAnimationActive={false}
        shape={(p: { cx?: number; cy?: number; payload?: { id: string | number; name: string } }) => (
          <circle cx={p.cx} cy={p.cy} r={6} fill={TONES.primary} fillOpacity={0.85} data-chart-point={p.payload?.id} />
        )}>
        <LabelList dataKey="id" position="right" fill={TEXT} fontSize={11} />
      </Scatter>
    </RechartsScatterChart>
  );
}

export function LineChart({ rows, series, references = [], locale }: LineChartProps) {
  const [width, height] = SIZES.line;
  const format = numberFormat(locale);
  return (
    <RechartsLineChart {...common} width={width} height={height} data={rows} margin={{ top: 12, right: 24, bottom: 4, left: 4 }}>
      <CartesianGrid stroke={GRID} vertical={false} />
      {/* padding: the first and last days' ticks are not cut at the edges */}
      <XAxis dataKey="x" tick={TICK} padding={{ left: 24, right: 24 }} />
      <YAxis tick={TICK} tickFormatter={format} />
      <Tooltip formatter={(v) => format(Number(v))} />
      <Legend wrapperStyle={{ color: TEXT, fontSize: 13 }} />
      {references.map((r) => (
        // extendDomain: a threshold above every value is still drawn
        <ReferenceLine key={r.name} y={r.value} stroke={TONES[r.tone]} strokeDasharray="6 4" ifOverflow="extendDomain"
          label={{ value: r.name, position: 'insideTopRight', fill: TONES[r.tone], fontSize: 12 }} />
      ))}
      {series.map((s) => (
        <Line key={s.key} type="linear" dataKey={s.key} name={s.name} stroke={TONES[s.tone]} strokeWidth={2}
          strokeDasharray={s.dashed ? '5 4' : undefined} dot={s.dashed ? false : { r: 3, fill: TONES[s.tone] }}
          // plainline: the legend shows each line's dash pattern, not only its colour
          legendType="plainline"
          connectNulls isAnimationActive={false} />
      ))}
    </RechartsLineChart>
  );
}

export function BarChart({ bars, locale }: BarChartProps) {
  const [width, height] = SIZES.bar;
  const format = numberFormat(locale);
  return (
    <RechartsBarChart {...common} width={width} height={height} data={bars} margin={{ top: 12, right: 12, bottom: 4, left: 4 }}>
      <CartesianGrid stroke={GRID} vertical={false} />
      <XAxis dataKey="label" tick={TICK} />
      <YAxis tick={TICK} tickFormatter={format} />
      <Tooltip formatter={(v) => format(Number(v))} />
      <Bar dataKey="value" fill={TONES.primary} maxBarSize={48} isAnimationActive={false}
        shape={(p: { x?: number; y?: number; width?: number; height?: number; payload?: { key: string; value: number; low?: number } }) => {
          const { x = 0, y = 0, width: w = 0, height: h = 0, payload } = p;
          // the low end of an estimate range: a dashed line across the bar, at its height on the same scale
          const low = payload?.low !== undefined && payload.value > 0 && payload.low < payload.value ? y + h * (1 - payload.low / payload.value) : null;
          return (
            <g data-chart-point={payload?.key}>
              <rect x={x} y={y} width={w} height={h} fill={TONES.primary} />
              {low !== null ? <line x1={x} x2={x + w} y1={low} y2={low} stroke="#fff" strokeWidth={2} strokeDasharray="4 3" /> : null}
            </g>
          );
        }} />
    </RechartsBarChart>
  );
}
