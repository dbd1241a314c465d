/**
 * Date formatting in the three pattern languages the exported dialects use,
 * written independently of the converters' rewrite table so the round trip
 * checks it: Django/PHP codes (Klaviyo `date`), Unicode LDML (HubL
 * `format_date` [H6]) and .NET custom formats (AMPscript `FormatDate` [S7][S8]).
 * Dates are read as written (`YYYY-MM-DD`, optionally a wall time), in
 * English, as Tailor stores and previews them.
 */
export type PatternLanguage = 'django' | 'ldml' | 'dotnet';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

function parts(value: string): Parts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0), weekday };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const hour12 = (h: number): number => (h % 12 === 0 ? 12 : h % 12);

function django(p: Parts, pattern: string): string {
  const codes: Record<string, () => string> = {
    d: () => pad(p.day),
    j: () => String(p.day),
    D: () => (DAYS[p.weekday] ?? '').slice(0, 3),
    l: () => DAYS[p.weekday] ?? '',
    F: () => MONTHS[p.month - 1] ?? '',
    M: () => (MONTHS[p.month - 1] ?? '').slice(0, 3),
    m: () => pad(p.month),
    n: () => String(p.month),
    Y: () => String(p.year),
    y: () => pad(p.year % 100),
    H: () => pad(p.hour),
    G: () => String(p.hour),
    h: () => pad(hour12(p.hour)),
    g: () => String(hour12(p.hour)),
    i: () => pad(p.minute),
    s: () => pad(p.second),
    A: () => (p.hour < 12 ? 'AM' : 'PM'),
    a: () => (p.hour < 12 ? 'a.m.' : 'p.m.'),
  };
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '\\') {
      out += pattern[i + 1] ?? '';
      i++;
    } else out += codes[ch]?.() ?? ch;
  }
  return out;
}

/** LDML and .NET: runs of one letter are a field, quoted text is literal (`''` is a quote). */
function runs(p: Parts, pattern: string, language: 'ldml' | 'dotnet'): string | null {
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      // Quoted text up to the closing quote; a doubled quote inside (or on its own) is one quote.
      let j = i + 1;
      let literal = '';
      for (; j < pattern.length; j++) {
        if (pattern[j] !== "'") literal += pattern[j];
        else if (pattern[j + 1] === "'") {
          literal += "'";
          j++;
        } else break;
      }
      out += i + 1 === j ? "'" : literal;
      i = j + 1;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    const field = (): string | null => {
      switch (ch) {
        case 'y':
          return n === 2 ? pad(p.year % 100) : pad(p.year, n);
        case 'M':
          return n >= 4 ? (MONTHS[p.month - 1] ?? '') : n === 3 ? (MONTHS[p.month - 1] ?? '').slice(0, 3) : pad(p.month, n);
        case 'd':
          if (language === 'dotnet' && n >= 3) return n >= 4 ? (DAYS[p.weekday] ?? '') : (DAYS[p.weekday] ?? '').slice(0, 3);
          return pad(p.day, n);
        case 'E':
          return language === 'ldml' ? (n >= 4 ? (DAYS[p.weekday] ?? '') : (DAYS[p.weekday] ?? '').slice(0, 3)) : null;
        case 'H':
          return pad(p.hour, n);
        case 'h':
          return pad(hour12(p.hour), n);
        case 'm':
          return pad(p.minute, n);
        case 's':
          return pad(p.second, n);
        case 'a':
          return language === 'ldml' ? (p.hour < 12 ? 'AM' : 'PM') : null;
        case 't':
          return language === 'dotnet' ? (p.hour < 12 ? 'AM' : 'PM').slice(0, n) : null;
        default:
          return /[A-Za-z]/.test(ch) ? null : ch.repeat(n);
      }
    };
    const text = field();
    if (text === null) return null;
    out += text;
  }
  return out;
}

/** The date in `pattern`; null when the value is not a date or the pattern holds a field this reader does not know. */
export function formatDatePattern(value: string, pattern: string, language: PatternLanguage): string | null {
  const p = parts(value);
  if (!p) return null;
  return language === 'django' ? django(p, pattern) : runs(p, pattern, language);
}
