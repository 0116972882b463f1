import chardet from 'chardet';
import iconv from 'iconv-lite';
import { CsvEncoding } from '../client-list-import.js';

/**
 * Which encoding a CSV file from other software is in. A byte-order mark settles it; bytes
 * that decode as UTF-8 are UTF-8 (other encodings almost never do by chance); UTF-16 without
 * a mark shows as every other byte being zero; what is left is a single-byte encoding, and
 * chardet's statistics choose among them. ISO-8859-1 is read as Windows-1252, its superset
 * (Excel writes curly quotes and € in the bytes ISO-8859-1 leaves to control characters).
 */
export interface DetectedEncoding {
  encoding: CsvEncoding;
  confidence: 'certain' | 'likely' | 'guess';
}

function startsWith(bytes: Uint8Array, mark: number[]): boolean {
  return mark.every((byte, index) => bytes[index] === byte);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 text in Latin letters has a zero in one byte of nearly every pair. */
function utf16WithoutMark(bytes: Uint8Array): CsvEncoding | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) evenZeros += 1;
    if (sample[index + 1] === 0) oddZeros += 1;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.1) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.1) return 'utf-16be';
  return null;
}

const fromChardet: Record<string, CsvEncoding> = {
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  'ISO-8859-15': 'iso-8859-15',
  macintosh: 'macintosh',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'UTF-8': 'utf-8',
};

export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', confidence: 'certain' };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', confidence: 'certain' };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', confidence: 'certain' };
  const utf16 = utf16WithoutMark(bytes);
  if (utf16) return { encoding: utf16, confidence: 'likely' };
  if (isUtf8(bytes)) return { encoding: 'utf-8', confidence: 'certain' };
  const match = chardet
    .analyse(bytes)
    .map((candidate) => ({ ...candidate, encoding: fromChardet[candidate.name] }))
    .find((candidate) => candidate.encoding !== undefined);
  if (!match?.encoding) return { encoding: 'windows-1252', confidence: 'guess' };
  return { encoding: match.encoding, confidence: match.confidence >= 50 ? 'likely' : 'guess' };
}

/** A charset named in the upload's Content-Type, when it is one Palpate reads. */
export function statedEncoding(contentType: string | undefined): CsvEncoding | null {
  const charset = /charset="?([^";]+)"?/i
    .exec(contentType ?? '')?.[1]
    ?.trim()
    .toLowerCase();
  if (!charset) return null;
  const aliases: Record<string, string> = {
    utf8: 'utf-8',
    'iso-8859-1': 'windows-1252',
    latin1: 'windows-1252',
    cp1252: 'windows-1252',
  };
  const parsed = CsvEncoding.safeParse(aliases[charset] ?? charset);
  return parsed.success ? parsed.data : null;
}

/** The file as text; a byte-order mark is dropped. */
export function decodeText(bytes: Uint8Array, encoding: CsvEncoding): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}
