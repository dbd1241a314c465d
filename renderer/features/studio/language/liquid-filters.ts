/**
 * The filters worth knowing in email copy, with their signatures: completion
 * lists them after a `|`, and signature help shows the one being written.
 * Every other LiquidJS filter still works; these are the ones documented here.
 */
export interface FilterDoc {
  name: string;
  /** As written after the pipe: `default: fallback`. */
  signature: string;
  params: { label: string; doc: string }[];
  doc: string;
  /** What completion inserts (a Monaco snippet). */
  snippet: string;
}

const f = (name: string, params: [string, string][], doc: string, snippet: string): FilterDoc => ({
  name,
  signature: params.length ? `${name}: ${params.map(([label]) => label).join(', ')}` : name,
  params: params.map(([label, paramDoc]) => ({ label, doc: paramDoc })),
  doc,
  snippet,
});

export const FILTERS: FilterDoc[] = [
  f(
    'default',
    [['fallback', 'Shown when the value is missing, empty or false']],
    'Fallback when the customer has no value',
    'default: "${1:there}"',
  ),
  f('capitalize', [], 'First letter upper case, the rest lower case', 'capitalize'),
  f('upcase', [], 'UPPER CASE', 'upcase'),
  f('downcase', [], 'lower case', 'downcase'),
  f('strip', [], 'Remove spaces at both ends', 'strip'),
  f(
    'truncate',
    [
      ['length', 'Characters kept, ellipsis included'],
      ['ellipsis', 'Text added when cut, "..." by default'],
    ],
    'Shorten to a length',
    'truncate: ${1:40}',
  ),
  f(
    'truncatewords',
    [
      ['words', 'Words kept'],
      ['ellipsis', 'Text added when cut'],
    ],
    'Shorten to a number of words',
    'truncatewords: ${1:10}',
  ),
  f('date', [['format', 'strftime pattern, e.g. "%B %-d, %Y"']], 'Format a date', 'date: "${1:%B %-d, %Y}"'),
  f('append', [['text', 'Added at the end']], 'Add text after the value', 'append: "${1}"'),
  f('prepend', [['text', 'Added at the start']], 'Add text before the value', 'prepend: "${1}"'),
  f(
    'replace',
    [
      ['search', 'Text to find'],
      ['replacement', 'Text put instead'],
    ],
    'Replace every occurrence',
    'replace: "${1}", "${2}"',
  ),
  f('split', [['separator', 'Where to cut']], 'Text into a list', 'split: "${1:,}"'),
  f('join', [['separator', 'Put between items']], 'A list into text', 'join: "${1:, }"'),
  f('first', [], 'First item of a list', 'first'),
  f('last', [], 'Last item of a list', 'last'),
  f('size', [], 'Length of a text or list', 'size'),
  f('url_encode', [], 'Safe inside a link', 'url_encode'),
  f('escape', [], 'Escape HTML', 'escape'),
  f('plus', [['number', 'Added']], 'Add (also turns text into a number)', 'plus: ${1:0}'),
  f('minus', [['number', 'Subtracted']], 'Subtract', 'minus: ${1:0}'),
  f('times', [['number', 'Multiplier']], 'Multiply', 'times: ${1:1}'),
  f('divided_by', [['number', 'Divisor (an integer divisor rounds down)']], 'Divide', 'divided_by: ${1:1}'),
  f('round', [['decimals', 'Digits after the point, 0 by default']], 'Round a number', 'round: ${1:0}'),
];

export const filterDoc = (name: string): FilterDoc | undefined => FILTERS.find((filter) => filter.name === name);
