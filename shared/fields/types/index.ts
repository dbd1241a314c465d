/**
 * Typed fields: what a value of each type parses to, how a cell is parsed
 * with the file's locale, and how a column's type and a file's locale are
 * detected from the data. Pure: the renderer previews with it, import parses with it.
 */
export { FIELD_TYPES, FieldType, type Country, type Money, type TypedValue, type TypedValueOf } from './field-type';
export { DEFAULT_CONTEXT, ParseContext, type DateOrder, type DecimalSeparator, type ParseResult, type Parser } from './parse-context';
export { PARSERS, parseValue } from './parsers';
export { parseBoolean } from './parse-boolean';
export { parseCountry } from './parse-country';
export { parseDate } from './parse-date';
export { parseDateTime } from './parse-date-time';
export { parseEmail } from './parse-email';
export { parseList } from './parse-list';
export { parseMoney } from './parse-money';
export { parseNumber } from './parse-number';
export { parsePhone } from './parse-phone';
export { parseText } from './parse-text';
export { ColumnDetection, DETECTION_THRESHOLD, type ColumnHints } from './column-detection';
export { ColumnDetector, type Seen as ColumnValueReading } from './column-detector';
export { detectColumn } from './detect-column';
export { detectLocale, type LocaleDetection } from './detect-locale';
export { typesHintedBy } from './header-hints';
