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
import type { SegmentOverview } from '../../../shared/contract/schemas';
import { useEChart, type ChartColors } from '../../ui/charts/use-echart';
import { describePair, overlapCells } from './overlap-cells';

registerECharts([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

type HeatmapOption = ComposeOption<HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption>;

const shorten = (name: string) => (name.length > 22 ? `${name.slice(0, 21)}…` : name);

function optionFor(overview: SegmentOverview, colors: ChartColors): HeatmapOption {
  const names = overview.segments.map((s) => s.name);
  const cells = overlapCells(overview);
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      backgroundColor: colors.panel,
      textStyle: { color: colors.text },
      formatter: (params) => {
        const value = (Array.isArray(params) ? params[0]?.value : params.value) as number[] | undefined;
        return value ? describePair(overview, value[0]!, value[1]!) : '';
      },
    },
    xAxis: {
      type: 'category',
      data: names,
      position: 'top',
      axisLabel: { color: colors.muted, formatter: shorten, rotate: names.length > 4 ? 30 : 0, interval: 0 },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      data: names,
      inverse: true,
      axisLabel: { color: colors.muted, formatter: shorten, interval: 0 },
      splitArea: { show: true },
    },
    visualMap: { show: false, min: 0, max: 1, dimension: 3, inRange: { color: [colors.soft, colors.accent] } },
    series: [
      {
        type: 'heatmap',
        // Dark cells get light text: the count stays readable whatever the shade.
        data: cells.map((cell) => ({
          value: [cell.x, cell.y, cell.both, cell.shareOfRow],
          label: { color: cell.shareOfRow > 0.5 ? colors.panel : colors.text },
        })),
        label: {
          show: true,
          fontSize: 13,
          formatter: (params) => ((params.value as number[])[2] ?? 0).toLocaleString(),
        },
        emphasis: { itemStyle: { borderColor: colors.text, borderWidth: 1 } },
      },
    ],
  };
}

interface Props {
  overview: SegmentOverview;
  onPick: (x: number, y: number) => void;
}

/** Pairwise overlaps as a heatmap: counts in the cells, colour by the share of the row's segment; a click picks the pair. */
export function OverlapHeatmap({ overview, onPick }: Props) {
  const container = useEChart(
    useCallback((colors: ChartColors) => optionFor(overview, colors), [overview]),
    ({ value }) => {
      const [x, y] = value as number[];
      if (x !== undefined && y !== undefined) onPick(x, y);
    },
  );

  const size = Math.max(220, 80 + overview.segments.length * 56);
  return (
    <div
      ref={container}
      className="overlap-chart"
      style={{ height: size }}
      role="img"
      aria-label={`Overlaps between ${overview.segments.length} segments`}
      data-testid="overlap-heatmap"
    />
  );
}
