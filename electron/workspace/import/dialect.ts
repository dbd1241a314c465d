export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

export interface Dialect {
  delimiter: Delimiter;
  /** '\n' also handles CRLF (the stray '\r' is trimmed from the last field); '\r' for old Mac files. */
  newline: '\n' | '\r';
}

/** Delimiter and line break from the first non-blank line, outside quotes. */
export function detectDialect(text: string): Dialect {
  const newline = text.includes('\n') || !text.includes('\r') ? '\n' : '\r';
  const counts = new Map<Delimiter, number>();
  let inQuotes = false;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '"') {
      inQuotes = !inQuotes; // a doubled quote toggles twice
      content = true;
    } else if (inQuotes) {
      continue;
    } else if (c === newline) {
      if (content) break;
      counts.clear();
    } else if ((DELIMITERS as readonly string[]).includes(c)) {
      counts.set(c as Delimiter, (counts.get(c as Delimiter) ?? 0) + 1);
    } else if (c.trim() !== '') {
      content = true;
    }
  }
  let delimiter: Delimiter = ',';
  for (const candidate of DELIMITERS) {
    if ((counts.get(candidate) ?? 0) > (counts.get(delimiter) ?? 0)) delimiter = candidate;
  }
  return { delimiter, newline };
}
