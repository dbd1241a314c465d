import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { readChunks, type SourceFile } from './source';
import { FileProblem } from './text';

/**
 * The file's encoding, decided on the whole file rather than its first bytes:
 * a Byte Order Mark wins; UTF-16 without one is recognised by its NUL bytes;
 * otherwise one streaming pass checks UTF-8 validity everywhere. A file that
 * is UTF-8 apart from a few bad bytes stays UTF-8 (its bad lines are flagged,
 * never decoded into mojibake); anything else goes to chardet, fed a generous
 * sample that includes the places where UTF-8 failed.
 */
export interface EncodingDecision {
  /** iconv-lite name used to decode. */
  encoding: string;
  /** Name shown to people. */
  label: string;
  /** 0–100. */
  confidence: number;
  /** Bytes that are not UTF-8 in a file read as UTF-8; their rows are rejected (0 for other encodings). */
  invalidSequences: number;
  /** Physical line → the bad bytes on it, for the first MAX_BAD_LINES lines. */
  badBytes: Map<number, number[]>;
}

const MAX_BAD_LINES = 10_000;
const MAX_BAD_BYTES_PER_LINE = 8;
/** chardet sees the first megabyte plus windows around bytes that are not UTF-8. */
const CHARDET_HEAD_BYTES = 1024 * 1024;
const CHARDET_EXTRA_BYTES = 1024 * 1024;
const CHARDET_WINDOW = 4096;

const LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'windows-1252': 'Windows-1252 (Western European)',
};

const decision = (encoding: string, confidence: number): EncodingDecision => ({
  encoding,
  label: LABELS[encoding] ?? encoding,
  confidence,
  invalidSequences: 0,
  badBytes: new Map(),
});

/** Length of the UTF-8 sequence a lead byte starts, 0 when it cannot start one. */
function sequenceLength(byte: number): number {
  if (byte >= 0xc2 && byte <= 0xdf) return 2;
  if (byte >= 0xe0 && byte <= 0xef) return 3;
  if (byte >= 0xf0 && byte <= 0xf4) return 4;
  return 0;
}

/** Where an unfinished multi-byte sequence at the end of `buf` starts (buf.length if none). */
function incompleteTail(buf: Buffer): number {
  for (let back = 1; back <= 3 && back <= buf.length; back++) {
    const byte = buf[buf.length - back] ?? 0;
    if (byte < 0x80) return buf.length;
    if (byte >= 0xc0) return sequenceLength(byte) > back ? buf.length - back : buf.length;
  }
  return buf.length;
}

/** UTF-16 without a BOM: ASCII-range text puts a NUL in every other byte. */
function utf16Pattern(sample: Buffer): EncodingDecision | null {
  const half = Math.floor(sample.length / 2);
  if (half === 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const confidence = (zeros: number): number => Math.min(100, Math.round((100 * zeros) / half));
  if (odd >= half / 4 && even * 10 <= odd) return decision('utf-16le', confidence(odd));
  if (even >= half / 4 && odd * 10 <= even) return decision('utf-16be', confidence(even));
  return null;
}

interface Utf8Scan {
  validMultibyte: number;
  invalid: number;
  /** Bad bytes with the number of LF and CR bytes before them (the line break is decided later). */
  bad: { lf: number; cr: number; byte: number }[];
  extraSample: Buffer[];
  lf: number;
}

async function scanUtf8(file: string): Promise<Utf8Scan> {
  const scan: Utf8Scan = { validMultibyte: 0, invalid: 0, bad: [], extraSample: [], lf: 0 };
  let cr = 0;
  let carry = Buffer.alloc(0);
  let offset = 0;
  let extra = 0;
  const visit = (body: Buffer, bodyStart: number): void => {
    const valid = isUtf8(body);
    let firstBad = -1;
    for (let i = 0; i < body.length;) {
      const byte = body[i] ?? 0;
      if (byte < 0x80) {
        if (byte === 0x0a) scan.lf++;
        else if (byte === 0x0d) cr++;
        i++;
        continue;
      }
      const length = sequenceLength(byte);
      if (valid || (length > 0 && i + length <= body.length && isUtf8(body.subarray(i, i + length)))) {
        scan.validMultibyte++;
        i += Math.max(1, length);
        continue;
      }
      scan.invalid++;
      if (firstBad === -1) firstBad = i;
      if (scan.bad.length < MAX_BAD_LINES * MAX_BAD_BYTES_PER_LINE) scan.bad.push({ lf: scan.lf, cr, byte });
      i++;
    }
    if (firstBad !== -1 && bodyStart + firstBad >= CHARDET_HEAD_BYTES && extra < CHARDET_EXTRA_BYTES) {
      const from = Math.max(0, firstBad - CHARDET_WINDOW / 2);
      const window = Buffer.from(body.subarray(from, from + CHARDET_WINDOW));
      scan.extraSample.push(window);
      extra += window.length;
    }
  };
  for await (const chunk of readChunks(file)) {
    const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const end = incompleteTail(buf);
    visit(buf.subarray(0, end), offset);
    offset += end;
    carry = Buffer.from(buf.subarray(end));
  }
  if (carry.length > 0) visit(carry, offset);
  // CR-only files count lines by CR.
  if (scan.lf === 0) for (const bad of scan.bad) bad.lf = bad.cr;
  return scan;
}

function chardetGuess(sample: Buffer): EncodingDecision {
  for (const match of chardet.analyse(sample)) {
    const name = match.name.toLowerCase();
    if (name.startsWith('utf') || name.startsWith('iso-2022')) continue;
    // ISO-8859-1 is what Excel's Windows-1252 looks like to a detector; 1252 is its superset for printable text.
    const encoding = name === 'iso-8859-1' ? 'windows-1252' : name;
    if (iconv.encodingExists(encoding)) return decision(encoding, match.confidence);
  }
  return decision('windows-1252', 0);
}

export async function decideEncoding(source: SourceFile): Promise<EncodingDecision> {
  const { sample, name } = source;
  if (sample[0] === 0xff && sample[1] === 0xfe) return decision('utf-16le', 100);
  if (sample[0] === 0xfe && sample[1] === 0xff) return decision('utf-16be', 100);
  const hasBom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf;
  if (!hasBom && sample.includes(0)) {
    const utf16 = utf16Pattern(sample);
    if (utf16) return utf16;
    const workbook = sample[0] === 0x50 && sample[1] === 0x4b; // "PK": .xlsx / .ods are zip archives
    throw new FileProblem(
      `Cannot import ${name}: it looks like a ${workbook ? 'spreadsheet workbook' : 'spreadsheet or binary file'}, not text. ` +
        'Open it in your spreadsheet app and export it as CSV (UTF-8).',
    );
  }

  const scan = await scanUtf8(source.path);
  if (scan.invalid === 0) return decision('utf-8', 100);
  // A few bad bytes among valid UTF-8 (or a BOM saying UTF-8): a stray byte pasted in, not another encoding.
  if (hasBom || scan.validMultibyte >= scan.invalid) {
    const result = decision('utf-8', Math.round((100 * scan.validMultibyte) / (scan.validMultibyte + scan.invalid)));
    result.invalidSequences = scan.invalid;
    for (const bad of scan.bad) {
      const line = bad.lf + 1;
      const bytes = result.badBytes.get(line) ?? [];
      if (bytes.length === 0 && result.badBytes.size >= MAX_BAD_LINES) continue;
      if (bytes.length < MAX_BAD_BYTES_PER_LINE) bytes.push(bad.byte);
      result.badBytes.set(line, bytes);
    }
    return result;
  }
  const head = source.size > sample.length ? await readHead(source.path, CHARDET_HEAD_BYTES) : sample;
  return chardetGuess(Buffer.concat([head, ...scan.extraSample]));
}

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of readChunks(file)) {
    parts.push(chunk);
    total += chunk.length;
    if (total >= bytes) break;
  }
  return Buffer.concat(parts).subarray(0, bytes);
}

/** A streaming decoder for the decided encoding; drops a leading BOM. */
export function makeDecoder(encoding: string): { write(chunk: Buffer): string; end(): string } {
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '' };
}

export const hexBytes = (bytes: readonly number[]): string =>
  bytes.map((byte) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
