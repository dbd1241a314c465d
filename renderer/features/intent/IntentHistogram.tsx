import { useCallback } from 'react';
import type { IntentSummary } from '../../../shared/scores/intent/intent-summary';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { use as registerECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEChart, type ChartColors } from '../../ui/charts/use-echart';

registerECharts([BarChart, GridComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

const short = (value: number) => Number(value.toFixed(value >= 10 ? 0 : value >= 1 ? 1 : 2)).toLocaleString();

/**
 * Scores above 0 in equal bins; bins at or above the threshold are drawn in
 * the accent colour and a marked line stands at the threshold, so moving it
 * shows at once who falls on which side. Clicking a bar moves the threshold
 * to that bin's lower edge.
 */
export function IntentHistogram({
  bins,
  threshold,
  onPick,
}: {
  bins: IntentSummary['bins'];
  threshold: number;
  onPick: (threshold: number) => void;
}) {
  const option = useCallback(
    (colors: ChartColors) => {
      const labels = bins.map((bin) => `${short(bin.from)}–${short(bin.to)}`);
      const at = bins.findIndex((bin) => threshold < bin.to);
      return {
        animation: false,
        grid: { left: 56, right: 24, top: 28, bottom: 64 },
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          backgroundColor: colors.panel,
          textStyle: { color: colors.muted },
          valueFormatter: (value: unknown) => `${Number(value).toLocaleString()} customers`,
        },
        xAxis: {
          type: 'category',
          data: labels,
          name: 'Intent score',
          nameLocation: 'middle',
          nameGap: 44,
          nameTextStyle: { color: colors.muted },
          axisLabel: { color: colors.muted, rotate: 35, hideOverlap: true },
          axisLine: { lineStyle: { color: colors.line } },
        },
        yAxis: {
          type: 'value',
          name: 'Customers',
          nameTextStyle: { color: colors.muted },
          minInterval: 1,
          axisLabel: { color: colors.muted },
          splitLine: { lineStyle: { color: colors.line } },
        },
        series: [
          {
            type: 'bar',
            barCategoryGap: '8%',
            data: bins.map((bin) => ({ value: bin.count, itemStyle: { color: bin.to > threshold ? colors.accent : colors.faded } })),
            markLine:
              at >= 0
                ? {
                    symbol: 'none',
                    silent: true,
                    lineStyle: { color: colors.second, width: 2, type: 'solid' },
                    label: { formatter: `Threshold ${short(threshold)}`, color: colors.second, position: 'end' },
                    data: [{ xAxis: at }],
                  }
                : undefined,
          },
        ],
      };
    },
    [bins, threshold],
  );
  const container = useEChart(option, ({ dataIndex }) => {
    const bin = bins[dataIndex];
    if (bin) onPick(Number(bin.from.toFixed(2)));
  });
  return (
    <div
      ref={container}
      className="score-chart"
      role="img"
      aria-label={`Histogram of intent scores with the threshold at ${short(threshold)}`}
      data-testid="intent-histogram"
    />
  );
}
