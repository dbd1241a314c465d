import { useCallback } from 'react';
import { HeatmapChart, type HeatmapSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
  type GridComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { use as registerECharts, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { RfmSummary } from '../../../shared/scores/rfm/summary';
import { formatMoney, formatWhole } from './format';
import { useEChart, type ChartColors } from '../../ui/charts/use-echart';

registerECharts([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

type HeatmapOption = ComposeOption<HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption>;

const scores = (bins: number) => Array.from({ length: bins }, (_, i) => String(i + 1));

function heatmapOption(summary: RfmSummary, colors: ChartColors): HeatmapOption {
  const means = summary.heatmap.map((cell) => cell.meanMonetary);
  const byCell = new Map(summary.heatmap.map((cell) => [`${cell.recency - 1}:${cell.frequency - 1}`, cell]));
  return {
    animation: false,
    grid: { left: 72, right: 16, top: 12, bottom: 96 },
    tooltip: {
      backgroundColor: colors.panel,
      textStyle: { color: colors.text },
      formatter: (params) => {
        const [x, y] = (Array.isArray(params) ? params[0]?.value : params.value) as [number, number, number];
        const cell = byCell.get(`${x}:${y}`);
        if (!cell) return '';
        return `Recency ${cell.recency}, frequency ${cell.frequency}<br/>${formatWhole(cell.customers)} customers<br/>Mean revenue ${formatMoney(cell.meanMonetary)}`;
      },
    },
    xAxis: {
      type: 'category',
      data: scores(summary.bins.recency),
      name: `Recency score (${summary.bins.recency} = ordered most recently)`,
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: colors.muted, fontWeight: 600 },
      axisLabel: { color: colors.text },
      axisLine: { lineStyle: { color: colors.line } },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      data: scores(summary.bins.frequency),
      name: `Frequency score (${summary.bins.frequency} = most orders)`,
      nameLocation: 'middle',
      nameGap: 36,
      nameTextStyle: { color: colors.muted, fontWeight: 600 },
      axisLabel: { color: colors.text },
      axisLine: { lineStyle: { color: colors.line } },
      splitArea: { show: true },
    },
    visualMap: {
      type: 'continuous',
      min: means.length ? Math.min(...means) : 0,
      max: means.length ? Math.max(...means) : 1,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 8,
      itemHeight: 200,
      text: ['Higher mean revenue', 'Lower'],
      textStyle: { color: colors.muted },
      inRange: { color: [colors.soft, colors.accent] },
      formatter: (value) => formatWhole(Number(value)),
    },
    series: [
      {
        type: 'heatmap',
        data: summary.heatmap.map((cell) => [cell.recency - 1, cell.frequency - 1, cell.meanMonetary]),
        label: {
          show: true,
          formatter: (params) => formatWhole((params.value as number[])[2] ?? 0),
          color: colors.text,
          textBorderColor: colors.panel,
          textBorderWidth: 3,
          fontWeight: 600,
        },
        itemStyle: { borderColor: colors.panel, borderWidth: 2 },
      },
    ],
  };
}

/** Mean revenue per customer for each frequency × recency score: where the valuable customers sit. */
export function RfmHeatmap({ summary }: { summary: RfmSummary }) {
  const container = useEChart(useCallback((colors: ChartColors) => heatmapOption(summary, colors), [summary]));
  return (
    <div
      ref={container}
      className="rfm-chart rfm-heatmap"
      role="img"
      aria-label="Heatmap of mean revenue by frequency score and recency score"
      data-testid="rfm-heatmap"
    />
  );
}
