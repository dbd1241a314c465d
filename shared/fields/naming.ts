/**
 * How column headers become token names. Every field is reachable under its
 * snake_case key and a PascalCase alias, because ESP templates in the wild use
 * both (`{{ first_name }}`, `{{FirstName}}`).
 */

/** Split "Loyalty Tier", "LoyaltyTier", "loyalty-tier", "Prénom", "Straße" into lowercase ASCII words. */
/** Letters that have no decomposition into ASCII plus accents. */
const LIGATURES: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  þ: 'th',
  Þ: 'TH',
};

export function headerWords(header: string): string[] {
  return header
    .replace(/[ßæÆœŒøØłŁđĐþÞ]/g, (letter) => LIGATURES[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // drop combining accents: "Prénom" → "Prenom"
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2') // camelCase / PascalCase boundaries
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2') // "URLPath" → "URL Path"
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** "Loyalty Tier" → "loyalty_tier". Empty when the header has no letters or digits. */
export function toSnakeKey(header: string): string {
  const key = headerWords(header).join('_');
  // Liquid identifiers cannot start with a digit.
  return /^[0-9]/.test(key) ? `field_${key}` : key;
}

/** "loyalty_tier" → "LoyaltyTier", "first_name" → "FirstName". */
export function toPascalAlias(key: string): string {
  return key
    .split('_')
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** Compact form used for synonym lookup: "E-mail", "e_mail", "EMail" → "email". */
export const compactHeader = (header: string): string => headerWords(header).join('');
