/** The studio shows this many previews side by side; a persona beyond them goes on a row out of view. */
export const PREVIEWS_PER_ROW = 3;

/** Add, or replace the persona at `index`: the default keeps the previews within one row. */
export const defaultPreviewChoice = (personaCount: number): 'add' | number => (personaCount >= PREVIEWS_PER_ROW ? personaCount - 1 : 'add');
