import type { EChartsCoreOption } from 'echarts/core';
import type { ScoreHistogram } from '../../../shared/scores/prediction-report';
import { axis, useChart, type ChartColors } from './use-chart';

function optionFor({ histogram, xName }: { histogram: ScoreHistogram; xName: string }, colors: ChartColors): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 64, right: 16, top: 16, bottom: 52 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      backgroundColor: colors.panel,
      textStyle: { color: colors.text },
      valueFormatter: (value: unknown) => `${Number(value).toLocaleString()} customers`,
    },
    xAxis: {
      type: 'category',
      data: histogram.map((bin) => `${bin.from.toFixed(1)}–${bin.to.toFixed(1)}`),
      ...axis(colors, xName),
      splitLine: { show: false },
    },
    yAxis: { type: 'value', minInterval: 1, ...axis(colors, 'Customers'), nameGap: 48 },
    series: [{ type: 'bar', data: histogram.map((bin) => bin.count), barCategoryGap: '8%', itemStyle: { color: colors.accent } }],
  };
}

/** How many customers fall in each tenth of a probability score. */
export function ScoreHistogramChart({ histogram, label, testId }: { histogram: ScoreHistogram; label: string; testId: string }) {
  const container = useChart({ histogram, xName: label }, optionFor);
  return (
    <div ref={container} className="predictions-chart" role="img" aria-label={`Histogram of ${label.toLowerCase()}`} data-testid={testId} />
  );
}
