import type { CSSProperties } from 'react';

/** Keep this much room between a menu and the edge of the pane holding it. */
const MARGIN = 8;

/**
 * Where a menu of `width` hangs from an anchor (right-aligned to it, the
 * usual place) so that it stays inside `bounds`: shifted right when it would
 * cross the left edge, narrowed when the bounds are narrower than it. In the
 * anchor's own coordinates, for `position: absolute` inside it.
 */
export function menuPlacement(anchor: DOMRectReadOnly, bounds: DOMRectReadOnly, width: number): { left: number; width: number } {
  const fits = Math.max(0, Math.min(width, bounds.width - 2 * MARGIN));
  const rightAligned = anchor.right - fits;
  const left = Math.min(Math.max(rightAligned, bounds.left + MARGIN), bounds.right - MARGIN - fits);
  return { left: left - anchor.left, width: fits };
}

/**
 * The style of a menu about to open under `anchor` that must not run out of
 * the closest element matching `boundsSelector` (a resizable pane clips what
 * crosses its edge, and the next pane covers it). Measured when it opens.
 */
export function menuInPane(anchor: HTMLElement | null, width: number, boundsSelector: string): CSSProperties {
  if (!anchor) return {};
  const bounds = anchor.closest(boundsSelector) ?? document.body;
  const { left, width: fits } = menuPlacement(anchor.getBoundingClientRect(), bounds.getBoundingClientRect(), width);
  return { left, right: 'auto', width: fits };
}
