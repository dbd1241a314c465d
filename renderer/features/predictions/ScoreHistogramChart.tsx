import { useCallback } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { use as registerECharts, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ScoreHistogram } from '../../../shared/scores/prediction-report';
import { namedAxis, useEChart, type ChartColors } from '../../ui/charts/use-echart';

registerECharts([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

function optionFor({ histogram, xName }: { histogram: ScoreHistogram; xName: string }, colors: ChartColors): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 64, right: 16, top: 16, bottom: 52 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      backgroundColor: colors.panel,
      textStyle: { color: colors.muted },
      valueFormatter: (value: unknown) => `${Number(value).toLocaleString()} customers`,
    },
    xAxis: {
      type: 'category',
      data: histogram.map((bin) => `${bin.from.toFixed(1)}–${bin.to.toFixed(1)}`),
      ...namedAxis(colors, xName),
      splitLine: { show: false },
    },
    yAxis: { type: 'value', minInterval: 1, ...namedAxis(colors, 'Customers'), nameGap: 48 },
    series: [{ type: 'bar', data: histogram.map((bin) => bin.count), barCategoryGap: '8%', itemStyle: { color: colors.accent } }],
  };
}

/** How many customers fall in each tenth of a probability score. */
export function ScoreHistogramChart({ histogram, label, testId }: { histogram: ScoreHistogram; label: string; testId: string }) {
  const container = useEChart(useCallback((colors: ChartColors) => optionFor({ histogram, xName: label }, colors), [histogram, label]));
  return (
    <div ref={container} className="predictions-chart" role="img" aria-label={`Histogram of ${label.toLowerCase()}`} data-testid={testId} />
  );
}
