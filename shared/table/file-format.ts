/**
 * File formats recognised by their first bytes ("magic numbers"), so that a file Driftscope does not read
 * is named by its format with what to do, instead of being called binary. Gzip is read (decompressed
 * while streaming); the rest are refused. Signatures: gzip RFC 1952 §2.3.1 (1f 8b); zip (PK\x03\x04,
 * APPNOTE 4.3.7), an .xlsx/.docx/.odt being a zip whose entries name xl/, word/ or an ODF mimetype;
 * Parquet "PAR1" (read by its own loader, refused inside gzip); legacy Office (OLE2, d0 cf 11 e0 a1 b1 1a e1); Arrow/Feather "ARROW1"; HDF5; NumPy
 * .npy; SQLite; PDF; bzip2, xz, zstd, 7-Zip.
 */

export interface ForeignFormat {
  /** Format name as a user knows it. */
  name: string;
  /** What to do instead: one sentence (capitalised, no final stop) or two. */
  advice: string;
}

const EXPORT_CSV = 'Export it as CSV (UTF-8) and open that';
const PANDAS = (call: string) =>
  `Convert it to CSV first, for example with pandas: ${call}.to_csv("data.csv", index=False)`;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => Array.from(text, (ch) => ch.charCodeAt(0));

/** Whether the bytes start a Parquet file (the "PAR1" signature; read by electron/engine/load-parquet.ts). */
export function isParquet(bytes: Uint8Array): boolean {
  return startsWith(bytes, ascii('PAR1'));
}

/** Whether the bytes start a gzip stream (a .csv.gz file). */
export function isGzip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x1f, 0x8b]);
}

/** Latin-1 view of the first bytes, for finding ASCII names inside a zip's local headers. */
function asciiText(bytes: Uint8Array, limit: number): string {
  let out = '';
  const n = Math.min(bytes.length, limit);
  for (let i = 0; i < n; i++) out += String.fromCharCode(bytes[i]);
  return out;
}

/**
 * The format of a file Driftscope does not read, from its first bytes, or null (text, or gzip, which the
 * loader reads).
 *
 * @example foreignFormat(Uint8Array.of(0x50, 0x41, 0x52, 0x31))?.name // 'Parquet'
 */
export function foreignFormat(bytes: Uint8Array): ForeignFormat | null {
  if (startsWith(bytes, ascii('PK\x03\x04')) || startsWith(bytes, ascii('PK\x05\x06'))) {
    const head = asciiText(bytes, 64 * 1024);
    if (head.includes('xl/'))
      return {
        name: 'an Excel workbook (.xlsx)',
        advice: `${EXPORT_CSV} (Excel: File › Save As › CSV UTF-8)`,
      };
    if (head.includes('word/'))
      return { name: 'a Word document (.docx)', advice: 'Open a CSV or TSV file instead' };
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'))
      return { name: 'an OpenDocument spreadsheet (.ods)', advice: EXPORT_CSV };
    return { name: 'a zip archive', advice: 'Extract the CSV file from it and open that' };
  }
  if (startsWith(bytes, ascii('PAR1')))
    return {
      name: 'a Parquet file',
      advice:
        'Driftscope reads Parquet files, but not compressed as a whole: decompress it (gunzip) and open the .parquet file',
    };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return { name: 'a legacy Office file (.xls)', advice: EXPORT_CSV };
  if (startsWith(bytes, ascii('ARROW1')))
    return { name: 'an Arrow/Feather file', advice: PANDAS('pandas.read_feather("data.feather")') };
  if (startsWith(bytes, [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { name: 'an HDF5 file', advice: PANDAS('pandas.read_hdf("data.h5")') };
  if (startsWith(bytes, [0x93, ...ascii('NUMPY')]))
    return { name: 'a NumPy array (.npy)', advice: 'Save it as CSV, for example with numpy.savetxt' };
  if (startsWith(bytes, ascii('SQLite format 3\0')))
    return { name: 'an SQLite database', advice: 'Export the table as CSV (sqlite3 -csv -header)' };
  if (startsWith(bytes, ascii('%PDF-')))
    return { name: 'a PDF document', advice: 'Open a CSV or TSV file instead' };
  if (startsWith(bytes, ascii('BZh')))
    return { name: 'a bzip2-compressed file', advice: 'Decompress it (bunzip2) and open the CSV' };
  if (startsWith(bytes, [0xfd, ...ascii('7zXZ'), 0x00]))
    return { name: 'an xz-compressed file', advice: 'Decompress it (unxz) and open the CSV' };
  if (startsWith(bytes, [0x28, 0xb5, 0x2f, 0xfd]))
    return { name: 'a zstd-compressed file', advice: 'Decompress it (unzstd) and open the CSV' };
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]))
    return { name: 'a 7-Zip archive', advice: 'Extract the CSV file from it and open that' };
  return null;
}
