import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { theme } from '../../state/theme';
import type { ChartSpec } from './chart-data';

const HEIGHT = 260;
const PALETTE = 6;

/** The colours of the current theme, read from the CSS custom properties analytics.css sets. */
function colours(el: HTMLElement) {
  const style = getComputedStyle(el);
  const v = (name: string) => style.getPropertyValue(name).trim();
  return {
    text: v('--text'),
    grid: v('--border'),
    series: Array.from({ length: PALETTE }, (_, i) => v(`--series-${i + 1}`)),
  };
}

function optionsFor(spec: ChartSpec, width: number, c: ReturnType<typeof colours>): uPlot.Options {
  const n = spec.labels.length;
  // Slanted category labels when they would not fit side by side (about 7 px per character).
  const longest = Math.max(0, ...spec.labels.map((l) => l.length));
  const room = width - (spec.rightTitle ? 190 : 120);
  const slanted = n * (longest + 2) * 7 > room;
  // Slanted labels still need ~18 px each: on a phone, label every step-th category only.
  const step = slanted ? Math.max(1, Math.ceil((n * 18) / room)) : 1;
  const bars = spec.series.length;
  // Vertical axes: left (3) by default, right (1) for a second scale. An explicit undefined side
  // would lay the axis out horizontally.
  const axis = (label: string, scale: string, side: 1 | 3 = 3): uPlot.Axis => ({
    scale,
    side,
    label,
    size: 60,
    // Counts, stars, percentages and hours: whole-number steps read better than 0.25.
    incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 100_000, 1_000_000],
    stroke: c.text,
    grid: { stroke: c.grid, width: 1, show: side !== 1 },
    ticks: { stroke: c.grid, width: 1 },
  });
  return {
    width,
    height: HEIGHT,
    legend: { show: true, live: false },
    // Room on the right for the last slanted label, which runs rightwards from its tick.
    padding: [12, slanted ? Math.round(longest * 6 * 0.77) : 12, 0, 0],
    cursor: { show: false },
    scales: {
      x: { time: false, range: [-0.5, n - 0.5] },
      y: { range: (_u, _min, max) => [0, spec.yTitle === 'Average rating' ? 5 : Math.max(1, max * 1.1)] },
      right: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] },
    },
    axes: [
      {
        stroke: c.text,
        grid: { show: false },
        ticks: { stroke: c.grid, width: 1 },
        splits: () => spec.labels.map((_, i) => i).filter((i) => i % step === 0),
        values: (_u, splits) => splits.map((i) => spec.labels[i] ?? ''),
        rotate: slanted ? -40 : 0,
        size: slanted ? Math.min(120, 20 + longest * 6) : 40,
      },
      axis(spec.yTitle, 'y'),
      ...(spec.rightTitle ? [axis(spec.rightTitle, 'right', 1)] : []),
    ],
    series: [
      {},
      ...spec.series.map((s, i) => {
        const colour = c.series[i % PALETTE];
        return spec.kind === 'bars'
          ? {
              label: s.label,
              scale: 'y',
              stroke: colour,
              fill: colour,
              width: 0,
              // One series centred on its category; two side by side, one each side of it.
              paths: uPlot.paths.bars?.({
                size: [bars === 1 ? 0.6 : 0.38, 80],
                align: bars === 1 ? 0 : i === 0 ? -1 : 1,
              }),
              points: { show: false },
            }
          : {
              label: s.label,
              scale: s.axis === 'right' ? 'right' : 'y',
              stroke: colour,
              width: 2,
              dash: i % 2 ? [6, 4] : undefined,
              points: { show: true, size: 7, fill: colour },
              spanGaps: false,
            };
      }),
    ],
  };
}

/** One uPlot chart, redrawn on resize and on a theme change; hidden from screen readers (the table says it). */
export function UplotChart({ spec }: { spec: ChartSpec }) {
  const box = useRef<HTMLDivElement>(null);
  const chosenTheme = theme.value;
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let plot: uPlot | null = null;
    const draw = () => {
      plot?.destroy();
      const data = [spec.labels.map((_, i) => i), ...spec.series.map((s) => s.values)] as uPlot.AlignedData;
      plot = new uPlot(optionsFor(spec, Math.max(280, el.clientWidth), colours(el)), data, el);
    };
    draw();
    const resize = new ResizeObserver(() =>
      plot?.setSize({ width: Math.max(280, el.clientWidth), height: HEIGHT }),
    );
    resize.observe(el);
    const dark = matchMedia('(prefers-color-scheme: dark)');
    dark.addEventListener('change', draw);
    return () => {
      resize.disconnect();
      dark.removeEventListener('change', draw);
      plot?.destroy();
    };
  }, [spec, chosenTheme]);
  return <div ref={box} class="chart" data-testid="chart" aria-hidden="true" />;
}
