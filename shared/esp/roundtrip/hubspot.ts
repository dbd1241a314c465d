import { asNumber, display, type Value, type ValueObject } from './curly-expression';
import { parseTemplate, renderTemplate, type TemplateDialect } from './curly-template';
import { formatDatePattern } from './date-patterns';
import { type EspProfile, profileLookup, type ProfileValue, RoundTripUnsupported } from './profile';

/**
 * Evaluates HubSpot HubL for one contact: `contact.x`,
 * `personalization_token('contact.x', 'fallback')`, `default(v, true)`
 * (plain `default` only replaces undefined [H6]), `if/elif/else`, `for`,
 * `set`, expression tests, and the filters the exporter writes.
 * Contact properties are text, as a CSV import stores them.
 * Facts: ../shared/research/esp-dialects.md §3.
 */

const str = (value: Value): string => display(value);

/**
 * Jinjava's ObjectTruthValue (github.com/HubSpot/jinjava, util/ObjectTruthValue.java):
 * the text "false" (any case) is false like the empty text, a number is true when
 * its integer part is not 0. Its EL coerces to a boolean the same way (TruthyTypeConverter).
 */
function truthy(value: Value): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Math.trunc(value) !== 0;
  if (typeof value === 'string') return value !== '' && value.toLowerCase() !== 'false';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

const HUBL: TemplateDialect = {
  name: 'HubL',
  filterArgs: 'parens',
  booleanCoercion: true,
  truthy,
  assign: 'set',
  loopName: 'loop',
  filters: {
    default: (value, [fallback, evenFalsy]) => (value === undefined || (truthy(evenFalsy) && !truthy(value)) ? fallback : value),
    format_date: (value, [pattern]) => {
      if (value === undefined || value === null || value === '') return '';
      const text = formatDatePattern(str(value), str(pattern ?? ''), 'ldml');
      if (text === null)
        throw new RoundTripUnsupported(`HubL: format_date('${str(pattern ?? '')}') on "${str(value)}" is not read`, 'format_date');
      return text;
    },
    upper: (value) => str(value).toUpperCase(),
    lower: (value) => str(value).toLowerCase(),
    capitalize: (value) => str(value).charAt(0).toUpperCase() + str(value).slice(1).toLowerCase(),
    title: (value) =>
      str(value)
        .toLowerCase()
        .replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase()),
    int: (value, [fallback]) => {
      const n = asNumber(value);
      return n === null ? (asNumber(fallback ?? 0) ?? 0) : Math.trunc(n);
    },
    float: (value, [fallback]) => asNumber(value) ?? asNumber(fallback ?? 0) ?? 0,
    string: (value) => str(value),
    trim: (value) => str(value).trim(),
    urlencode: (value) => encodeURIComponent(str(value)),
    length: (value) => (Array.isArray(value) ? value.length : str(value).length),
    split: (value, [separator]) => (str(value) === '' ? [] : str(value).split(separator === undefined ? ' ' : str(separator))),
    join: (value, [separator]) =>
      Array.isArray(value) ? value.map((item: Value) => str(item)).join(separator === undefined ? '' : str(separator)) : str(value),
    replace: (value, [from, to]) => str(value).split(str(from)).join(str(to)),
    striptags: (value) => str(value).replace(/<[^>]*>/g, ''),
    abs: (value) => Math.abs(asNumber(value) ?? NaN),
    round: (value, [places]) => {
      const n = asNumber(value) ?? NaN;
      const factor = 10 ** (asNumber(places ?? 0) ?? 0);
      return Math.round(n * factor) / factor;
    },
    first: (value) => (Array.isArray(value) ? (value[0] as Value) : str(value).charAt(0)),
    last: (value) => (Array.isArray(value) ? (value[value.length - 1] as Value) : str(value).slice(-1)),
  },
  functions: {},
  tests: {
    defined: (value) => value !== undefined,
    undefined: (value) => value === undefined,
    none: (value) => value === null || value === undefined,
    truthy: (value) => truthy(value),
    string_containing: (value, [part]) => str(value).includes(str(part)),
    string_startingwith: (value, [part]) => str(value).startsWith(str(part)),
    containing: (value, [item]) => Array.isArray(value) && value.some((element: Value) => str(element) === str(item)),
    number: (value) => typeof value === 'number',
    string: (value) => typeof value === 'string',
  },
};

/** A contact property as HubL sees it: text, or undefined when the contact has none. */
const toValue = (value: ProfileValue | undefined): Value =>
  value === null || value === undefined || value === '' ? undefined : Array.isArray(value) ? value.join(';') : String(value);

export function evaluateHubspot(source: string, profile: EspProfile): string {
  const find = profileLookup('hubspot', profile);
  const contact: ValueObject = { get: (name) => toValue(find(name)) };
  const dialect: TemplateDialect = {
    ...HUBL,
    functions: {
      personalization_token: ([expression, fallback]) => {
        const path = str(expression);
        const value = path.startsWith('contact.') ? contact.get(path.slice('contact.'.length)) : undefined;
        return truthy(value) ? value : (fallback ?? '');
      },
    },
  };
  return renderTemplate(parseTemplate(source, dialect), (name) => (name === 'contact' ? contact : undefined), dialect);
}
