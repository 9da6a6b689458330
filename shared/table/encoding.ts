/**
 * Text encoding of a data file, decided from its first bytes (pure byte checks; the loader decodes).
 * Order: a byte-order mark (UTF-8, UTF-16 LE/BE); UTF-16 without a mark (zero high bytes of ASCII text at
 * every other position); strictly valid UTF-8 (RFC 3629 §4: no overlongs, no surrogates, ≤ U+10FFFF);
 * otherwise Windows-1252 (the WHATWG "latin1" superset of ISO-8859-1, which maps every byte).
 */

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Names accepted for an explicit choice (--encoding), lower-cased, mapped to the encoding they mean. */
const ALIASES: Record<string, Encoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  'iso-8859-1': 'windows-1252',
};

/** The encoding an option value names, or null when it names none we read. */
export function parseEncodingName(name: string): Encoding | null {
  return ALIASES[name.trim().toLowerCase()] ?? null;
}

export interface DetectedEncoding {
  encoding: Encoding;
  /** Length of the byte-order mark at the start (0 when none). */
  bomLength: number;
}

/**
 * Detects the encoding of `bytes`, the first bytes of a file (`complete` when they are the whole file:
 * then a multi-byte sequence cut at the end is invalid rather than cut by the sample).
 *
 * @example detectEncoding(Uint8Array.of(0x4b, 0xf6, 0x6c, 0x6e), true).encoding // 'windows-1252' ("Köln")
 */
export function detectEncoding(bytes: Uint8Array, complete: boolean): DetectedEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16 !== null) return { encoding: utf16, bomLength: 0 };
  return { encoding: isValidUtf8(bytes, complete) ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

/**
 * UTF-16 text of mostly ASCII characters has a zero byte in every other position: the odd positions for
 * little-endian, the even ones for big-endian. Called UTF-16 when ≥ 40 % of one parity are zero and
 * ≤ 5 % of the other (binary data with zeros everywhere fails the second condition).
 */
function utf16WithoutBom(bytes: Uint8Array): Encoding | null {
  const n = bytes.length - (bytes.length % 2);
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const half = n / 2;
  if (zeroOdd >= 0.4 * half && zeroEven <= 0.05 * half) return 'utf-16le';
  if (zeroEven >= 0.4 * half && zeroOdd <= 0.05 * half) return 'utf-16be';
  return null;
}

/**
 * Strict UTF-8 validation (RFC 3629 table of well-formed byte sequences). A sequence cut by the end of
 * an incomplete sample is accepted.
 */
export function isValidUtf8(bytes: Uint8Array, complete = true): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // no overlongs
      if (b === 0xed) hi = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f; // ≤ U+10FFFF
    } else return false;
    if (i + need >= n) {
      // Cut by the end: invalid in a whole file; in a sample, valid if the bytes present continue it.
      if (complete) return false;
      for (let k = 1; i + k < n; k++) if (!continues(bytes[i + k], k, lo, hi)) return false;
      return true;
    }
    for (let k = 1; k <= need; k++) if (!continues(bytes[i + k], k, lo, hi)) return false;
    i += need + 1;
  }
  return true;
}

/** Whether byte `c` is a valid k-th byte of a sequence (the second byte has the narrower [lo, hi] range). */
function continues(c: number, k: number, lo: number, hi: number): boolean {
  return k === 1 ? c >= lo && c <= hi : c >= 0x80 && c <= 0xbf;
}

/** How an encoding is named to a user. */
export function encodingLabel(encoding: Encoding): string {
  return encoding === 'utf-8'
    ? 'UTF-8'
    : encoding === 'utf-16le'
      ? 'UTF-16 LE'
      : encoding === 'utf-16be'
        ? 'UTF-16 BE'
        : 'Windows-1252 (Latin-1)';
}

/**
 * The warning when reference and current were decoded differently (text categories would then differ
 * by their accents alone), or null when they agree or an encoding is unknown.
 */
export function encodingMismatch(
  reference: { fileName: string; encoding?: Encoding },
  current: { fileName: string; encoding?: Encoding },
): string | null {
  if (!reference.encoding || !current.encoding || reference.encoding === current.encoding) return null;
  return (
    `${reference.fileName} is ${encodingLabel(reference.encoding)} and ${current.fileName} is ${encodingLabel(current.encoding)}: ` +
    'each was decoded in its own encoding, so the same text compares equal. If a detection is wrong, give the encoding with --encoding.'
  );
}
