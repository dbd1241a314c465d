/**
 * The API takes exactly `application/json`, optionally with a UTF-8 charset.
 * A prefix test would also pass `application/json-evil`, and `text/plain` is
 * what a cross-site form or no-preflight fetch can send, so both are refused.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => /^charset\s*=\s*"?utf-8"?$/.test(param)) && params.length <= 1;
}
