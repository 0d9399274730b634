export type RecordFormat = 'csv' | 'json' | 'jsonl';

export type TextEncoding = 'auto' | 'utf-8' | 'windows-1252';

/**
 * One row of the source.
 *
 * `rowNumber` is the number a person looking at the file would use:
 * - CSV: the spreadsheet row. The header is row 1 and the first data row is row 2; a quoted cell spanning several
 *   lines still makes one row; blank rows are not returned but keep their number (as in a spreadsheet).
 * - JSON: the element's 1-based position in the top-level array.
 * - JSONL: the 1-based line number (blank lines count).
 */
export interface SourceRecord {
  rowNumber: number;
  values: Record<string, unknown>;
  /** The row's source text (without its line break), cut to {@link MAX_RAW_CHARS} characters. */
  raw: string;
}

export interface SourceRecordError {
  rowNumber: number;
  reason: string;
  raw: string;
}

export type ReadItem = { kind: 'record'; record: SourceRecord } | { kind: 'error'; error: SourceRecordError };

/** What a format reader produces: items, and for CSV the header row before them. */
export type ReaderEvent = ReadItem | { kind: 'headers'; headers: string[] };

export const MAX_RAW_CHARS = 2_000;

/** Enough bytes to hold {@link MAX_RAW_CHARS} characters of UTF-8 (at most 4 bytes each). */
export const MAX_RAW_BYTES = MAX_RAW_CHARS * 4;

export const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

export function rawText(bytes: Buffer): string {
  return bytes.subarray(0, MAX_RAW_BYTES).toString('utf8').slice(0, MAX_RAW_CHARS);
}

export function truncateRaw(text: string): string {
  return text.length > MAX_RAW_CHARS ? text.slice(0, MAX_RAW_CHARS) : text;
}

export function recordItem(rowNumber: number, values: Record<string, unknown>, raw: string): ReadItem {
  return { kind: 'record', record: { rowNumber, values, raw } };
}

export function errorItem(rowNumber: number, reason: string, raw: string): ReadItem {
  return { kind: 'error', error: { rowNumber, reason, raw: truncateRaw(raw) } };
}

export function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
