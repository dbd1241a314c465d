import { useEffect, useRef } from 'react';
import { init, type ECharts, type EChartsCoreOption } from 'echarts/core';

/** The studio's own colours, read from its CSS variables, so charts follow the theme. */
export function themeColors(element: HTMLElement) {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    accent: read('--accent', '#4f46e5'),
    soft: read('--accent-soft', '#eef0ff'),
    text: read('--text', '#1c1c24'),
    muted: read('--muted', '#6b6b78'),
    line: read('--border', '#e4e4e9'),
    panel: read('--panel', '#fff'),
  };
}
export type ThemeColors = ReturnType<typeof themeColors>;

/**
 * An ECharts instance (SVG) in the returned element: sized by a
 * ResizeObserver, redrawn from `option` when its inputs change or the colour
 * scheme does, disposed on unmount.
 */
export function useEChart<T>(input: T, option: (input: T, colors: ThemeColors) => EChartsCoreOption) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, null, { renderer: 'svg' });
    chart.current = instance;
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
    const draw = () => chart.current?.setOption(option(input, themeColors(element)), true);
    draw();
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', draw);
    return () => scheme.removeEventListener('change', draw);
  }, [input, option]);

  return container;
}
