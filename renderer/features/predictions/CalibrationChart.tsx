import { useCallback } from 'react';
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use as registerECharts, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { PropensitySummary } from '../../../shared/scores/prediction-report';
import { namedAxis, useEChart, type ChartColors } from '../../ui/charts/use-echart';

registerECharts([LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Calibration = PropensitySummary['calibration'];
const pct = (value: number) => `${Math.round(value * 100)}%`;

function optionFor(calibration: Calibration, colors: ChartColors): EChartsCoreOption {
  // Both axes share one range, so the diagonal is the "perfectly calibrated" line.
  const top = Math.min(1, Math.ceil(Math.max(0.1, ...calibration.flatMap((bin) => [bin.predicted, bin.observed])) * 10) / 10);
  const percentAxis = (name: string) => ({
    type: 'value' as const,
    min: 0,
    max: top,
    ...namedAxis(colors, name),
    axisLabel: { color: colors.muted, formatter: pct },
  });
  return {
    animation: false,
    grid: { left: 64, right: 16, top: 36, bottom: 52 },
    legend: { top: 0, right: 8, textStyle: { color: colors.muted } },
    tooltip: {
      trigger: 'item',
      backgroundColor: colors.panel,
      textStyle: { color: colors.muted },
      formatter: (params: unknown) => {
        const { data, seriesName } = params as { data: [number, number, number?]; seriesName: string };
        if (seriesName !== 'Holdout deciles') return 'Perfect calibration';
        return `Predicted ${pct(data[0])}, observed ${pct(data[1])}<br/>${data[2] ?? 0} customers`;
      },
    },
    xAxis: { ...percentAxis('Mean predicted probability') },
    yAxis: { ...percentAxis('Observed purchase rate'), nameGap: 44 },
    series: [
      {
        name: 'Perfect calibration',
        type: 'line',
        data: [
          [0, 0],
          [top, top],
        ],
        symbol: 'none',
        lineStyle: { type: 'dashed', color: colors.faint },
      },
      {
        name: 'Holdout deciles',
        type: 'line',
        data: calibration.map((bin) => [bin.predicted, bin.observed, bin.count]),
        symbolSize: 8,
        itemStyle: { color: colors.accent },
        lineStyle: { color: colors.accent },
      },
    ],
  };
}

/** Observed purchase rate against the mean prediction, per holdout decile: on the diagonal means the probabilities can be taken at face value. */
export function CalibrationChart({ calibration }: { calibration: Calibration }) {
  const container = useEChart(useCallback((colors: ChartColors) => optionFor(calibration, colors), [calibration]));
  return (
    <div
      ref={container}
      className="predictions-chart"
      role="img"
      aria-label="Calibration: observed purchase rate against mean predicted probability, by holdout decile"
      data-testid="calibration-chart"
    />
  );
}
