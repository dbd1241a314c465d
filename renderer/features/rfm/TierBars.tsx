import { useCallback } from 'react';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import { use as registerECharts, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { RfmTierRow } from '../../../shared/scores/rfm/summary';
import { formatWhole } from './format';
import { useEChart, type ChartColors } from '../../ui/charts/use-echart';

registerECharts([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

type BarsOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

function barsOption(tiers: readonly RfmTierRow[], colors: ChartColors): BarsOption {
  // Categories run bottom-up in ECharts: reversed, the first rule is on top, as in the table.
  const rows = [...tiers].reverse();
  return {
    animation: false,
    grid: { left: 8, right: 56, top: 8, bottom: 36, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, backgroundColor: colors.panel, textStyle: { color: colors.text } },
    xAxis: {
      type: 'value',
      name: 'Customers',
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: { color: colors.muted, fontWeight: 600 },
      minInterval: 1,
      axisLabel: { color: colors.muted },
      splitLine: { lineStyle: { color: colors.line } },
    },
    yAxis: {
      type: 'category',
      data: rows.map((row) => row.tier),
      axisLabel: { color: colors.text },
      axisLine: { lineStyle: { color: colors.line } },
    },
    series: [
      {
        type: 'bar',
        name: 'Customers',
        data: rows.map((row) => row.customers),
        itemStyle: { color: colors.accent, borderRadius: [0, 4, 4, 0] },
        barCategoryGap: '30%',
        label: { show: true, position: 'right', color: colors.text, formatter: (params) => formatWhole(Number(params.value)) },
      },
    ],
  };
}

/** Customers per tier, in the rule table's order. */
export function TierBars({ tiers }: { tiers: readonly RfmTierRow[] }) {
  const container = useEChart(useCallback((colors: ChartColors) => barsOption(tiers, colors), [tiers]));
  return (
    <div
      ref={container}
      className="rfm-chart rfm-bars"
      style={{ height: Math.max(160, 34 * tiers.length + 50) }}
      role="img"
      aria-label="Bar chart of customers per tier"
      data-testid="rfm-tier-bars"
    />
  );
}
