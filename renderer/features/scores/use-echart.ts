import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerECharts, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// The score charts' pieces only: bars (histogram), lines (silhouette and elbow), a marked threshold, legend, SVG.
registerECharts([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export interface ChartColors {
  accent: string;
  second: string;
  faded: string;
  text: string;
  line: string;
  panel: string;
}

/** The studio's own colours, read from its CSS variables, so charts follow the theme. */
export function chartColors(element: HTMLElement): ChartColors {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    accent: read('--accent', '#4f46e5'),
    second: read('--warning', '#b54708'),
    faded: read('--border-strong', '#d1d1d8'),
    text: read('--muted', '#6b6b78'),
    line: read('--border', '#e4e4e9'),
    panel: read('--panel', '#fff'),
  };
}

/**
 * An ECharts instance on the returned ref's element: follows the element's
 * size, redraws when `option` changes or the colour scheme does, is disposed
 * on unmount. `onClick` receives the clicked data index.
 */
export function useEChart(option: (colors: ChartColors) => EChartsCoreOption, onClick?: (dataIndex: number) => void) {
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
      const index = (params as { dataIndex?: number }).dataIndex;
      if (typeof index === 'number') click.current?.(index);
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
