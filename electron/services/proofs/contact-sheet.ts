import { escapeHtml } from './escape-html';

export interface SheetEntry {
  label: string;
  customer: string | null;
  subject: string | null;
  /** The persona's screenshot, or null when it could not be rendered. */
  png: Uint8Array | null;
  problem: string | null;
}

/** Columns of the sheet, and the width of each thumbnail in CSS pixels. */
export const SHEET_COLUMNS = 3;
export const THUMB_WIDTH = 320;
/** Thumbnails show the top of each email (what an inbox preview shows); long emails are cut there. */
export const THUMB_HEIGHT = 560;

/**
 * One page showing every persona's email side by side, labelled: the HTML
 * that gets screenshotted into contact-sheet.png. Images are inline data, so
 * the capture needs no network and no files.
 */
export function contactSheetHtml(title: string, entries: readonly SheetEntry[]): string {
  const cells = entries
    .map((entry) => {
      const image = entry.png
        ? `<img src="data:image/png;base64,${Buffer.from(entry.png).toString('base64')}" alt="${escapeHtml(entry.label)}">`
        : `<div class="missing">${escapeHtml(entry.problem ?? 'Not rendered')}</div>`;
      const who = entry.customer ? `<div class="who">${escapeHtml(entry.customer)}</div>` : '';
      const subject = entry.subject ? `<div class="subject">${escapeHtml(entry.subject)}</div>` : '';
      return `<figure><div class="frame">${image}</div><figcaption><strong>${escapeHtml(entry.label)}</strong>${who}${subject}</figcaption></figure>`;
    })
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
body { margin: 0; padding: 24px; font: 14px/1.4 system-ui, sans-serif; background: #f4f4f5; color: #18181b; }
h1 { font-size: 20px; margin: 0 0 16px; }
main { display: grid; grid-template-columns: repeat(${SHEET_COLUMNS}, ${THUMB_WIDTH}px); gap: 20px; }
figure { margin: 0; background: #fff; border: 1px solid #d4d4d8; border-radius: 6px; overflow: hidden; }
.frame { height: ${THUMB_HEIGHT}px; overflow: hidden; border-bottom: 1px solid #e4e4e7; }
.frame img { width: 100%; display: block; }
.missing { padding: 16px; color: #b91c1c; }
figcaption { padding: 8px 10px; }
.who, .subject { color: #52525b; font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
</style></head><body><h1>${escapeHtml(title)}</h1><main>
${cells}
</main></body></html>`;
}

/** Wide enough for the columns the entries fill, so the capture has no empty margin. */
export const contactSheetWidth = (count: number): number => {
  const columns = Math.max(1, Math.min(SHEET_COLUMNS, count));
  return 48 + columns * THUMB_WIDTH + (columns - 1) * 20;
};
