/**
 * CSV injection (OWASP "CSV Injection"): a spreadsheet runs a cell that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula, so
 * an audience file opened to check it before upload could run
 * `=HYPERLINK(…)` or `=cmd|' /C calc'!A0` planted in a customer's name.
 * Such a cell gets a leading apostrophe, which makes every spreadsheet read
 * it as text. A plain number ("-12.5", "+4415550100") cannot run and is
 * left alone, so amounts and phone numbers stay importable.
 */

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

export function neutraliseCell(text: string): string {
  const first = text.charAt(0);
  if (!TRIGGERS.has(first) || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}

/** True when a spreadsheet would run the cell as written: what neutraliseCell defuses. */
export const isFormulaLike = (text: string): boolean => neutraliseCell(text) !== text;
