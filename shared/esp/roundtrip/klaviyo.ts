import { asNumber, display, isObject, type Value, type ValueObject } from './curly-expression';
import { parseTemplate, renderTemplate, type TemplateDialect } from './curly-template';
import { formatDatePattern } from './date-patterns';
import { type EspProfile, profileLookup, type ProfileValue, RoundTripUnsupported } from './profile';

/**
 * Evaluates Klaviyo's Django-style templates for one profile: `person.x`,
 * `person|lookup:'Name With Spaces'` [K1][K4], the standard shortcuts
 * (`{{ first_name }}`), `if/elif/else`, `for`, `with`, and the filters the
 * exporter writes (`default`, case, `add`, `floatformat`, `urlencode`…).
 * Facts: ../shared/research/esp-dialects.md §2.
 */

/** Profile properties Klaviyo offers without `person.` (its preview panel lists these) [K7]. */
const SHORTCUTS = new Set([
  'first_name',
  'last_name',
  'email',
  'phone_number',
  'organization',
  'title',
  'city',
  'region',
  'country',
  'zip',
]);

const str = (value: Value): string => display(value);

const UNSUBSCRIBE_URL = 'https://klaviyo.example/unsubscribe';

const djangoUrlencode = (value: Value, safe: string): string =>
  // Django's urlencode keeps "/" unless told otherwise, and writes a space as %20.
  [...str(value)]
    .map((char) =>
      safe.includes(char) ? char : encodeURIComponent(char).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('');

const KLAVIYO: TemplateDialect = {
  name: 'Klaviyo',
  filterArgs: 'colon',
  assign: 'with',
  loopName: 'forloop',
  filters: {
    default: (value, [fallback]) =>
      value === undefined || value === null || value === '' || value === false || value === 0 ? fallback : value,
    default_if_none: (value, [fallback]) => (value === undefined || value === null ? fallback : value),
    lookup: (value, [name]) => (isObject(value) ? value.get(str(name)) : undefined),
    upper: (value) => str(value).toUpperCase(),
    lower: (value) => str(value).toLowerCase(),
    capfirst: (value) => str(value).charAt(0).toUpperCase() + str(value).slice(1),
    capitalize: (value) => str(value).charAt(0).toUpperCase() + str(value).slice(1),
    title: (value) =>
      str(value)
        .toLowerCase()
        .replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase()),
    add: (value, [other]) => {
      const a = asNumber(value);
      const b = asNumber(other);
      return a !== null && b !== null ? a + b : str(value) + str(other);
    },
    floatformat: (value, [digits]) => {
      const n = asNumber(value);
      if (n === null) return '';
      const places = digits === undefined ? -1 : (asNumber(digits) ?? -1);
      const fixed = n.toFixed(Math.abs(places));
      return places < 0 && Number.isInteger(Number(fixed)) ? String(Math.round(n)) : fixed;
    },
    urlencode: (value, [safe]) => djangoUrlencode(value, safe === undefined ? '/' : str(safe)),
    length: (value) => (Array.isArray(value) ? value.length : str(value).length),
    join: (value, [separator]) => (Array.isArray(value) ? value.map((item: Value) => str(item)).join(str(separator)) : str(value)),
    first: (value) => (Array.isArray(value) ? (value[0] as Value) : str(value).charAt(0)),
    last: (value) => (Array.isArray(value) ? (value[value.length - 1] as Value) : str(value).slice(-1)),
    striptags: (value) => str(value).replace(/<[^>]*>/g, ''),
    // Django's date on a value it cannot read as a date prints nothing.
    date: (value, [pattern]) =>
      value === undefined || value === null ? '' : (formatDatePattern(str(value), str(pattern ?? 'N j, Y'), 'django') ?? ''),
    slice: (value, [range]) => {
      const [from = '', to = ''] = str(range).split(':');
      const start = from === '' ? undefined : Number(from);
      const end = to === '' ? undefined : Number(to);
      return Array.isArray(value) ? value.slice(start, end) : str(value).slice(start, end);
    },
    multiply: (value, [by]) => (asNumber(value) ?? NaN) * (asNumber(by) ?? NaN),
  },
  functions: {},
  tests: {},
  // Klaviyo writes the unsubscribe link itself [K5]; its address is never visible text.
  systemTags: {
    unsubscribe_link: () => UNSUBSCRIBE_URL,
    unsubscribe: (rest) =>
      `<a href="${UNSUBSCRIBE_URL}">${
        /^'([^']*)'|^"([^"]*)"/
          .exec(rest.trim())
          ?.slice(1)
          .find((t) => t !== undefined) ?? 'Unsubscribe'
      }</a>`,
  },
};

const toValue = (value: ProfileValue | undefined): Value => (value === null || value === '' ? undefined : value);

export function evaluateKlaviyo(source: string, profile: EspProfile): string {
  const find = profileLookup('klaviyo', profile);
  const person: ValueObject = { get: (name) => toValue(find(name)) };
  const nodes = parseTemplate(source, KLAVIYO);
  return renderTemplate(
    nodes,
    (name) => {
      if (name === 'person') return person;
      if (SHORTCUTS.has(name)) return toValue(find(name));
      if (name === 'event' || name === 'organization')
        throw new RoundTripUnsupported(`Klaviyo: {{ ${name} }} has no value in a campaign [K7]`, name);
      return undefined;
    },
    KLAVIYO,
  );
}
