import { useEffect, useRef } from 'react';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerECharts, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only what the prediction charts need: bars (histogram), lines and points (calibration), one renderer.
registerECharts([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface ChartColors {
  accent: string;
  text: string;
  line: string;
  panel: string;
  faint: string;
}

/** The studio's colours from its CSS variables, so charts follow the theme. */
function themeColors(element: HTMLElement): ChartColors {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    accent: read('--accent', '#4f46e5'),
    text: read('--muted', '#6b6b78'),
    line: read('--border', '#e4e4e9'),
    panel: read('--panel', '#fff'),
    faint: read('--faint', '#9a9aa6'),
  };
}

/**
 * An ECharts instance on the returned element's ref (the audit histogram's
 * pattern): SVG renderer, resized with its container, redrawn when the
 * colour scheme changes, disposed on unmount.
 */
export function useChart<T>(data: T, option: (data: T, colors: ChartColors) => EChartsCoreOption) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, null, { renderer: 'svg' });
    chart.current = instance;
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
    const draw = () => chart.current?.setOption(option(data, themeColors(element)), true);
    draw();
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', draw);
    return () => scheme.removeEventListener('change', draw);
  }, [data, option]);

  return container;
}

/** Axis styling shared by the prediction charts: a named axis in the studio's muted text. */
export const axis = (colors: ChartColors, name: string) => ({
  name,
  nameLocation: 'middle' as const,
  nameGap: 30,
  nameTextStyle: { color: colors.text, fontSize: 12 },
  axisLabel: { color: colors.text },
  axisLine: { lineStyle: { color: colors.line } },
  splitLine: { lineStyle: { color: colors.line } },
});
