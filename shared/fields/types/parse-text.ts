import { failed, parsed, type Parser } from './parse-context';

export const parseText: Parser<string> = (raw) => {
  const text = raw.trim();
  return text === '' ? failed('empty') : parsed(text, raw);
};
