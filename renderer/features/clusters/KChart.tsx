import { useCallback } from 'react';
import type { ClustersSummary } from '../../../shared/scores/clusters/cluster-run';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { use as registerECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEChart, type ChartColors } from '../../ui/charts/use-echart';

registerECharts([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

/**
 * Silhouette (left axis, higher is better) and inertia, the within-cluster
 * sum of squares (right axis: look for the elbow), for each k; the k in use
 * is marked. Clicking a k asks to run with it.
 */
export function KChart({ summary, onPickK }: { summary: ClustersSummary; onPickK: (k: number) => void }) {
  const option = useCallback(
    (colors: ChartColors) => ({
      animation: false,
      grid: { left: 56, right: 72, top: 40, bottom: 48 },
      legend: { top: 0, textStyle: { color: colors.muted } },
      tooltip: { trigger: 'axis', backgroundColor: colors.panel, textStyle: { color: colors.muted } },
      xAxis: {
        type: 'category',
        data: summary.kScores.map((score) => String(score.k)),
        name: 'k (clusters)',
        nameLocation: 'middle',
        nameGap: 30,
        nameTextStyle: { color: colors.muted },
        axisLabel: { color: colors.muted },
        axisLine: { lineStyle: { color: colors.line } },
      },
      yAxis: [
        {
          type: 'value',
          name: 'Silhouette',
          nameTextStyle: { color: colors.accent },
          axisLabel: { color: colors.muted },
          splitLine: { lineStyle: { color: colors.line } },
        },
        {
          type: 'value',
          name: 'Inertia',
          nameTextStyle: { color: colors.second },
          axisLabel: { color: colors.muted },
          splitLine: { show: false },
        },
      ],
      series: [
        {
          name: 'Silhouette',
          type: 'line',
          yAxisIndex: 0,
          data: summary.kScores.map((score) => Number(score.silhouette.toFixed(3))),
          itemStyle: { color: colors.accent },
          lineStyle: { color: colors.accent, width: 2 },
          symbolSize: 8,
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: colors.muted, type: 'dashed' },
            label: { formatter: `k = ${summary.k}`, color: colors.muted },
            data: [{ xAxis: String(summary.k) }],
          },
        },
        {
          name: 'Inertia',
          type: 'line',
          yAxisIndex: 1,
          data: summary.kScores.map((score) => Math.round(score.inertia)),
          itemStyle: { color: colors.second },
          lineStyle: { color: colors.second, width: 2 },
          symbolSize: 8,
        },
      ],
    }),
    [summary],
  );
  const container = useEChart(option, ({ dataIndex }) => {
    const score = summary.kScores[dataIndex];
    if (score) onPickK(score.k);
  });
  return (
    <div
      ref={container}
      className="score-chart"
      role="img"
      aria-label={`Silhouette and elbow by number of clusters; k = ${summary.k} in use`}
      data-testid="clusters-k-chart"
    />
  );
}
