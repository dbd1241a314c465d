import { useCallback } from 'react';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import { use as registerECharts, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { AuditHistogram } from '../../../shared/audit/report';
import { useEChart, type ChartColors } from '../../ui/charts/use-echart';
import { binLabel } from './format-values';

// Only what a histogram needs, so the bundle carries one chart type and one renderer.
registerECharts([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

type HistogramOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

function optionFor(histogram: AuditHistogram, colors: ChartColors): HistogramOption {
  const labels = histogram.bins.map((bin) => binLabel(bin, histogram.scale));
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, backgroundColor: colors.panel, textStyle: { color: colors.muted } },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { color: colors.muted, rotate: labels.length > 8 ? 35 : 0, hideOverlap: true },
      axisLine: { lineStyle: { color: colors.line } },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: colors.muted }, splitLine: { lineStyle: { color: colors.line } } },
    series: [{ type: 'bar', data: histogram.bins.map((bin) => bin.count), barCategoryGap: '8%', itemStyle: { color: colors.accent } }],
  };
}

/** One field's histogram. */
export function HistogramChart({ histogram, label }: { histogram: AuditHistogram; label: string }) {
  const container = useEChart(useCallback((colors: ChartColors) => optionFor(histogram, colors), [histogram]));

  return <div ref={container} className="audit-chart" role="img" aria-label={`Histogram of ${label}`} data-testid="audit-histogram" />;
}
