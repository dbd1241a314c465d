import { useEffect, useRef } from 'react';
import { init, type ECharts, type EChartsCoreOption } from 'echarts/core';

/**
 * The studio's colours, read from its CSS variables when a chart is drawn, so
 * every chart follows the theme and redraws in the other scheme. `text` is
 * body text (labels drawn on marks); `muted` is what axes, legends and
 * tooltips use.
 */
export interface ChartColors {
  accent: string;
  /** The accent's pale end: the low end of a colour scale. */
  soft: string;
  /** A second series or a marker, set apart from the accent. */
  second: string;
  /** Marks that are out of focus, e.g. bars below a threshold. */
  faded: string;
  /** Reference lines. */
  faint: string;
  text: string;
  muted: string;
  line: string;
  panel: string;
}

export function chartColors(element: HTMLElement): ChartColors {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    accent: read('--accent', '#4f46e5'),
    soft: read('--accent-soft', '#eef0ff'),
    second: read('--warning', '#b54708'),
    faded: read('--border-strong', '#d1d1d8'),
    faint: read('--faint', '#9a9aa6'),
    text: read('--text', '#1c1c24'),
    muted: read('--muted', '#6b6b78'),
    line: read('--border', '#e4e4e9'),
    panel: read('--panel', '#fff'),
  };
}

/** The mark a click landed on: its index in the series and its value (a heatmap cell's is `[x, y, …]`). */
export interface ChartPoint {
  dataIndex: number;
  value: unknown;
}

/**
 * An ECharts instance (SVG) on the returned ref's element: follows the
 * element's size, redraws when `option` changes (memoise it) or the colour
 * scheme does, and is disposed on unmount. Each chart registers the echarts
 * pieces it uses itself, so a view's bundle carries only those.
 */
export function useEChart(option: (colors: ChartColors) => EChartsCoreOption, onClick?: (point: ChartPoint) => void) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const click = useRef(onClick);
  useEffect(() => {
    click.current = onClick;
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, null, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      const { dataIndex, value } = params as { dataIndex?: number; value?: unknown };
      if (typeof dataIndex === 'number') click.current?.({ dataIndex, value });
    });
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const element = container.current;
    if (!element || !chart.current) return;
    const draw = () => chart.current?.setOption(option(chartColors(element)), true);
    draw();
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', draw);
    return () => scheme.removeEventListener('change', draw);
  }, [option]);

  return container;
}

/** A named value or category axis in the muted text colour, as the score charts draw them. */
export const namedAxis = (colors: ChartColors, name: string) => ({
  name,
  nameLocation: 'middle' as const,
  nameGap: 30,
  nameTextStyle: { color: colors.muted, fontSize: 12 },
  axisLabel: { color: colors.muted },
  axisLine: { lineStyle: { color: colors.line } },
  splitLine: { lineStyle: { color: colors.line } },
});
