import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BarChart, LineChart, ScatterChart } from '.';

// The charts are drawn at a fixed size (no ResizeObserver, which jsdom lacks), so recharts
// renders its SVG here as in the browser; these tests wait for the lazy chunk of the library.

/** The chart's drawing, once the lazy library has rendered it inside the named image. */
async function drawing(name: string): Promise<HTMLElement> {
  const image = screen.getByRole('img', { name });
  await waitFor(() => expect(image.querySelector('svg.recharts-surface')).not.toBeNull());
  return image;
}

describe('charts', () => {
  it('names a scatter plot as one image and draws one dot per point, with the axes in French', async () => {
    render(
      <ScatterChart label="Valeur et impact" locale="fr-FR" xLabel="Valeur (0–100)" yLabel="Environnement (0–100)" domain={[0, 100]}
        points={[{ id: 1, x: 62.5, y: 49.9, name: 'Projet 1' }, { id: 2, x: 40, y: 90, name: 'Projet 2' }]} />,
    );
    const chart = await drawing('Valeur et impact');
    expect([...chart.querySelectorAll('[data-chart-point]')].map((p) => p.getAttribute('data-chart-point'))).toEqual(['1', '2']);
    expect(chart).toHaveTextContent('Valeur (0–100)');
    expect(chart).toHaveTextContent('Environnement (0–100)');
    // no « application » nor tab stop: the numbers are read from the table beside it (the hidden tooltip has tabindex -1)
    expect(chart.querySelector('[role="application"], [tabindex="0"]')).toBeNull();
  });

  it('draws pilot and control as two lines with a legend, and the target and guardrail as named thresholds', async () => {
    render(
      <LineChart label="Délai par jour" locale="fr-FR"
        rows={[{ x: '2026-11-20', pilot: 8, control: 18 }, { x: '2026-11-21', pilot: 7.5, control: null }]}
        series={[{ key: 'pilot', name: 'Pilote', tone: 'primary' }, { key: 'control', name: 'Témoin', tone: 'neutral', dashed: true }]}
        references={[{ value: 10, name: 'Cible 10 min', tone: 'success' }, { value: 30, name: 'Garde-fou 30 min', tone: 'danger' }]} />,
    );
    const chart = await drawing('Délai par jour');
    expect(chart.querySelectorAll('.recharts-line')).toHaveLength(2);
    expect(chart).toHaveTextContent('Pilote');
    expect(chart).toHaveTextContent('Témoin');
    expect(chart).toHaveTextContent('Cible 10 min');
    // the guardrail is above every value: the axis stretches to show it
    expect(chart).toHaveTextContent('Garde-fou 30 min');
    expect(chart).toHaveTextContent('2026-11-21');
  });

  it('draws one bar per category with the low end of a range marked, and numbers in the locale', async () => {
    render(
      <BarChart label="Énergie par mois" locale="fr-FR"
        bars={[{ key: '2026-10', label: 'oct. 2026', value: 1500, low: 750 }, { key: '2026-11', label: 'nov. 2026', value: 3000, low: 3000 }]} />,
    );
    const chart = await drawing('Énergie par mois');
    const bars = [...chart.querySelectorAll('[data-chart-point]')];
    expect(bars.map((b) => b.getAttribute('data-chart-point'))).toEqual(['2026-10', '2026-11']);
    // a range has its dashed low mark; an exact figure has none
    expect(bars[0].querySelector('line')).not.toBeNull();
    expect(bars[1].querySelector('line')).toBeNull();
    expect(chart).toHaveTextContent('nov. 2026');
    expect(chart.textContent).toMatch(/3\u202f000|3\u00a0000/);
  });

  it('keeps the name while the library loads', () => {
    render(<BarChart label="Énergie par mois" locale="fr-FR" bars={[]} />);
    expect(screen.getByRole('img', { name: 'Énergie par mois' })).toBeInTheDocument();
  });
});
