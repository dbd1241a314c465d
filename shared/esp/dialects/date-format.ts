/**
 * Liquid's strftime formats rewritten for the ESPs that format dates with
 * another pattern language: Django/PHP codes (Klaviyo), Unicode LDML
 * (HubSpot `format_date` [H6]) and .NET (SFMC `FormatDate` / `Format` [S7][S8]).
 * The research's map: `%B %-d, %Y` ≙ `F j, Y` ≙ `MMMM d, yyyy`.
 * A code with no twin returns null, and the caller warns.
 */
export type DatePatternLanguage = 'django' | 'ldml' | 'dotnet';

const CODES: Readonly<Record<string, Readonly<Record<DatePatternLanguage, string>>>> = {
  Y: { django: 'Y', ldml: 'yyyy', dotnet: 'yyyy' },
  y: { django: 'y', ldml: 'yy', dotnet: 'yy' },
  m: { django: 'm', ldml: 'MM', dotnet: 'MM' },
  '-m': { django: 'n', ldml: 'M', dotnet: 'M' },
  d: { django: 'd', ldml: 'dd', dotnet: 'dd' },
  '-d': { django: 'j', ldml: 'd', dotnet: 'd' },
  e: { django: 'j', ldml: 'd', dotnet: 'd' },
  B: { django: 'F', ldml: 'MMMM', dotnet: 'MMMM' },
  b: { django: 'M', ldml: 'MMM', dotnet: 'MMM' },
  h: { django: 'M', ldml: 'MMM', dotnet: 'MMM' },
  A: { django: 'l', ldml: 'EEEE', dotnet: 'dddd' },
  a: { django: 'D', ldml: 'EEE', dotnet: 'ddd' },
  H: { django: 'H', ldml: 'HH', dotnet: 'HH' },
  '-H': { django: 'G', ldml: 'H', dotnet: 'H' },
  I: { django: 'h', ldml: 'hh', dotnet: 'hh' },
  '-I': { django: 'g', ldml: 'h', dotnet: 'h' },
  M: { django: 'i', ldml: 'mm', dotnet: 'mm' },
  S: { django: 's', ldml: 'ss', dotnet: 'ss' },
  p: { django: 'A', ldml: 'a', dotnet: 'tt' },
};

function literal(text: string, language: DatePatternLanguage): string {
  if (text === '') return '';
  if (language === 'django') return text.replace(/[a-zA-Z\\]/g, (ch) => `\\${ch}`);
  // LDML and .NET both quote letters; punctuation and spaces stand for themselves.
  return /[a-zA-Z']/.test(text) ? `'${text.replace(/'/g, "''")}'` : text;
}

export function convertStrftime(format: string, language: DatePatternLanguage): string | null {
  let out = '';
  let plain = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch !== '%') {
      plain += ch;
      continue;
    }
    const dash = format[i + 1] === '-';
    const code = dash ? `-${format[i + 2] ?? ''}` : (format[i + 1] ?? '');
    if (code === '%') {
      plain += '%';
      i += 1;
      continue;
    }
    const twin = CODES[code]?.[language];
    if (twin === undefined) return null;
    out += literal(plain, language) + twin;
    plain = '';
    i += dash ? 2 : 1;
  }
  return out + literal(plain, language);
}
