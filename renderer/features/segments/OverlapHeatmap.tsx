import { useEffect, useRef } from 'react';
import { HeatmapChart, type HeatmapSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
  type GridComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { init, use as registerECharts, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { SegmentOverview } from '../../../shared/contract/schemas';
import { describePair, overlapCells } from './overlap-cells';

registerECharts([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

type HeatmapOption = ComposeOption<HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption>;

function themeColors(element: HTMLElement) {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    low: read('--accent-soft', '#eef0ff'),
    high: read('--accent', '#4f46e5'),
    text: read('--muted', '#6b6b78'),
    ink: read('--text', '#1c1c24'),
    panel: read('--panel', '#fff'),
  };
}

const shorten = (name: string) => (name.length > 22 ? `${name.slice(0, 21)}…` : name);

function optionFor(overview: SegmentOverview, colors: ReturnType<typeof themeColors>): HeatmapOption {
  const names = overview.segments.map((s) => s.name);
  const cells = overlapCells(overview);
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      backgroundColor: colors.panel,
      textStyle: { color: colors.ink },
      formatter: (params) => {
        const value = (Array.isArray(params) ? params[0]?.value : params.value) as number[] | undefined;
        return value ? describePair(overview, value[0]!, value[1]!) : '';
      },
    },
    xAxis: {
      type: 'category',
      data: names,
      position: 'top',
      axisLabel: { color: colors.text, formatter: shorten, rotate: names.length > 4 ? 30 : 0, interval: 0 },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      data: names,
      inverse: true,
      axisLabel: { color: colors.text, formatter: shorten, interval: 0 },
      splitArea: { show: true },
    },
    visualMap: { show: false, min: 0, max: 1, dimension: 3, inRange: { color: [colors.low, colors.high] } },
    series: [
      {
        type: 'heatmap',
        // Dark cells get light text: the count stays readable whatever the shade.
        data: cells.map((cell) => ({
          value: [cell.x, cell.y, cell.both, cell.shareOfRow],
          label: { color: cell.shareOfRow > 0.5 ? colors.panel : colors.ink },
        })),
        label: {
          show: true,
          fontSize: 13,
          formatter: (params) => ((params.value as number[])[2] ?? 0).toLocaleString(),
        },
        emphasis: { itemStyle: { borderColor: colors.ink, borderWidth: 1 } },
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
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, null, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      const value = params.value as number[] | undefined;
      if (value) pick.current(value[0]!, value[1]!);
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
    const draw = () => chart.current?.setOption(optionFor(overview, themeColors(element)), true);
    draw();
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', draw);
    return () => scheme.removeEventListener('change', draw);
  }, [overview]);

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
