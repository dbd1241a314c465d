/**
 * Case- and accent-insensitive form of a word for lookups: "Não" → "nao",
 * "SÍ" → "si", "Österreich" → "osterreich".
 */
export const foldText = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();

/**
 * A cell as a value: trimmed, without the leading apostrophe spreadsheets add to
 * keep a number as text ("'0612345678").
 */
export const cellText = (raw: string): string => {
  const text = raw.trim();
  return text.startsWith("'") ? text.slice(1).trim() : text;
};
