/**
 * One "Name" cell → first and last name, for files that have no separate
 * columns. The cell itself is kept as `full_name`, so a split a person would
 * have made differently loses nothing. Rules, in order:
 * - "Last, First" (one comma, and what follows is not a suffix such as "Jr.");
 * - titles in front ("Dr.", "Mme", "Herr") and suffixes at the end are left out;
 * - the first word is the first name, the rest the last name, so particles stay
 *   with the surname ("Jan van der Berg" → Jan / van der Berg) and a middle
 *   name or initial goes with the last name, which is what a salutation needs;
 * - a single word is a first name.
 *
 * Not a library because the well-kept ones are English-centric: compared on
 * 2026-12-01, parse-full-name 1.2.7 keeps "Mme" as a first name, makes "Ana" a
 * last name and splits "Maria dos Santos" into a middle name "dos"; humanparser
 * keeps "Herr" and "Mme" as first names. Our files are European CRM exports.
 */

const TITLES: ReadonlySet<string> = new Set('mr mrs ms miss mx dr prof sir dame mme mlle herr frau sra srta sig sigra dhr mevr'.split(' '));
/** Lowercase surname particles, as written in Dutch, German, French, Spanish, Italian and Portuguese names. */
const PARTICLES: ReadonlySet<string> = new Set('van von der den de del della di da dos das do du le la ter ten zu y'.split(' '));
const SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'esq', 'jun', 'sen']);

const bare = (word: string): string => word.toLowerCase().replace(/\./g, '');

export interface SplitName {
  first_name?: string;
  last_name?: string;
}

export function splitFullName(full: string): SplitName {
  const text = full.replace(/\s+/g, ' ').trim();
  const comma = text.split(',').map((part) => part.trim());
  if (comma.length === 2 && comma[0] !== '' && comma[1] !== '' && !SUFFIXES.has(bare(comma[1] as string))) {
    // Directories sort "Jan van der Berg" as "Berg, Jan van der": the particles belong to the last name.
    const given = dropTitles((comma[1] as string).split(' '));
    let cut = given.length;
    while (cut > 1 && PARTICLES.has(given[cut - 1] as string)) cut--;
    const last = [...given.slice(cut), comma[0]].join(' ');
    return { first_name: given.slice(0, cut).join(' '), last_name: last };
  }
  let words = dropTitles(text.replace(/,/g, ' ').split(' ').filter(Boolean));
  while (words.length > 1 && SUFFIXES.has(bare(words[words.length - 1] as string))) words = words.slice(0, -1);
  const [first, ...rest] = words;
  if (first === undefined) return {};
  return rest.length === 0 ? { first_name: first } : { first_name: first, last_name: rest.join(' ') };
}

/** Leading titles go, unless nothing else is left. */
function dropTitles(words: readonly string[]): string[] {
  let start = 0;
  while (start < words.length - 1 && TITLES.has(bare(words[start] as string))) start++;
  return words.slice(start);
}
