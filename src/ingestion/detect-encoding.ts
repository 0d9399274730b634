import iconv from 'iconv-lite';
import { ReadError } from './read-error.js';
import type { TextEncoding } from './record-types.js';

/** How much of the start of the file decides the encoding. */
export const ENCODING_SAMPLE_BYTES = 64 * 1024;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export type ResolvedEncoding = 'utf-8' | 'windows-1252';

/**
 * Whether `sample` is valid UTF-8. When the sample is only the start of the input, a multi-byte character cut
 * at its end is not held against it.
 */
export function isValidUtf8(sample: Uint8Array, isWholeInput: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !isWholeInput });
    return true;
  } catch {
    return false;
  }
}

function startsWith(bytes: Buffer, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function rejectUnsupported(sample: Buffer): void {
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) {
    throw new ReadError(
      'The file is encoded as UTF-16, which is not supported: save it as UTF-8 and upload again.',
    );
  }
  if (sample.includes(0)) {
    throw new ReadError(
      'The file looks binary (it contains NUL bytes), not text: if it is a spreadsheet, export it as CSV.',
    );
  }
}

/** Picks the encoding of a file from its first bytes (after any BOM): UTF-8 when valid, else Windows-1252. */
export function resolveEncoding(
  sample: Buffer,
  isWholeInput: boolean,
  requested: TextEncoding,
): ResolvedEncoding {
  if (requested === 'windows-1252') return 'windows-1252';
  if (isValidUtf8(sample, isWholeInput)) return 'utf-8';
  if (requested === 'utf-8') {
    throw new ReadError(
      'The file is not valid UTF-8: save it as UTF-8, or choose the Windows-1252 encoding.',
    );
  }
  return 'windows-1252';
}

function toBuffer(chunk: Buffer | Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** Normalizes the chunks of a stream (strings, Uint8Arrays) to Buffers, reporting each one's size. */
export async function* byteChunks(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  onBytes: (count: number) => void,
): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    const bytes = toBuffer(chunk);
    onBytes(bytes.length);
    if (bytes.length > 0) yield bytes;
  }
}

/**
 * Re-encodes a byte stream as UTF-8 without a BOM. The encoding is decided once from the first
 * {@link ENCODING_SAMPLE_BYTES}; invalid UTF-8 further on decodes to U+FFFD rather than switching midway.
 * Yields nothing for an empty file.
 */
export async function* decodeToUtf8(
  chunks: AsyncIterable<Buffer>,
  requested: TextEncoding,
): AsyncGenerator<Buffer> {
  const iterator = chunks[Symbol.asyncIterator]();
  let finished = false;
  try {
    const head: Buffer[] = [];
    let headLength = 0;
    while (headLength < ENCODING_SAMPLE_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        finished = true;
        break;
      }
      head.push(next.value);
      headLength += next.value.length;
    }
    let sample = Buffer.concat(head);
    rejectUnsupported(sample);
    if (startsWith(sample, [...UTF8_BOM])) sample = sample.subarray(UTF8_BOM.length);
    const encoding = resolveEncoding(sample, finished, requested);
    const convert =
      encoding === 'utf-8' ? (bytes: Buffer) => bytes : windows1252ToUtf8(iconv.getDecoder('win1252'));
    if (sample.length > 0) yield convert(sample);
    while (!finished) {
      const next = await iterator.next();
      if (next.done) {
        finished = true;
        break;
      }
      yield convert(next.value);
    }
  } finally {
    if (!finished) await iterator.return?.();
  }
}

function windows1252ToUtf8(decoder: iconv.DecoderStream): (bytes: Buffer) => Buffer {
  return (bytes) => Buffer.from(decoder.write(bytes), 'utf8');
}
