import { useEffect, useRef } from 'react';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use as registerECharts, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { AuditHistogram } from '../../../shared/audit/report';
import { binLabel } from './format-values';

// Only what a histogram needs, so the bundle carries one chart type and one renderer.
registerECharts([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

type HistogramOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

/** The studio's own colours, read from its CSS variables, so the chart follows the theme (and a dark one when it comes). */
function themeColors(element: HTMLElement) {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    bar: read('--accent', '#4f46e5'),
    text: read('--muted', '#6b6b78'),
    line: read('--border', '#e4e4e9'),
    panel: read('--panel', '#fff'),
  };
}

function optionFor(histogram: AuditHistogram, colors: ReturnType<typeof themeColors>): HistogramOption {
  const labels = histogram.bins.map((bin) => binLabel(bin, histogram.scale));
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, backgroundColor: colors.panel, textStyle: { color: colors.text } },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { color: colors.text, rotate: labels.length > 8 ? 35 : 0, hideOverlap: true },
      axisLine: { lineStyle: { color: colors.line } },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: colors.text }, splitLine: { lineStyle: { color: colors.line } } },
    series: [{ type: 'bar', data: histogram.bins.map((bin) => bin.count), barCategoryGap: '8%', itemStyle: { color: colors.bar } }],
  };
}

/** One field's histogram: an ECharts instance that follows its container's size and is disposed with the component. */
export function HistogramChart({ histogram, label }: { histogram: AuditHistogram; label: string }) {
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
    const draw = () => chart.current?.setOption(optionFor(histogram, themeColors(element)), true);
    draw();
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', draw);
    return () => scheme.removeEventListener('change', draw);
  }, [histogram]);

  return <div ref={container} className="audit-chart" role="img" aria-label={`Histogram of ${label}`} data-testid="audit-histogram" />;
}
