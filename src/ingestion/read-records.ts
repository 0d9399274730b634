import { readCsv, sniffDelimiter } from './csv-records.js';
import { byteChunks, decodeToUtf8 } from './detect-encoding.js';
import { readJsonArray, readJsonLines } from './json-records.js';
import {
  DEFAULT_MAX_RECORD_BYTES,
  type ReaderEvent,
  type ReadItem,
  type RecordFormat,
  type TextEncoding,
} from './record-types.js';

export { ReadError } from './read-error.js';
export type {
  ReadItem,
  RecordFormat,
  SourceRecord,
  SourceRecordError,
  TextEncoding,
} from './record-types.js';

export interface ReadOptions {
  format: RecordFormat;
  /** `auto` (default): UTF-8 when the first 64 KiB are valid UTF-8, else Windows-1252. */
  encoding?: TextEncoding;
  /** A row larger than this becomes an error item (default 1 MiB). */
  maxRecordBytes?: number;
}

export interface RecordReader {
  /**
   * CSV: the header row (trimmed, blanks named `column_N`, repeats `name_2`). JSON/JSONL: the keys of the first
   * record (empty when none of the first rows is a record). Call it before iterating, not during.
   * @throws ReadError when the file cannot be read at all.
   */
  headers(): Promise<string[]>;
  /** Records and row errors in file order; the iteration throws ReadError when the file cannot be read. */
  [Symbol.asyncIterator](): AsyncIterator<ReadItem>;
  /** Source bytes consumed so far, for progress. */
  bytesRead(): number;
}

/** How many rows of a JSON file `headers()` looks through for a first valid record. */
const HEADER_LOOKAHEAD_ROWS = 100;

type Source = NodeJS.ReadableStream | AsyncIterable<Buffer | Uint8Array>;

const formatReaders: Record<
  RecordFormat,
  (chunks: AsyncIterable<Buffer>, maxRecordBytes: number) => AsyncGenerator<ReaderEvent>
> = {
  csv: readCsv,
  json: readJsonArray,
  jsonl: readJsonLines,
};

/**
 * Streams the rows of a CSV, JSON-array or JSONL source. Reading is pulled by the consumer, so a slow consumer
 * slows the source down and memory stays bounded whatever the file size.
 */
export function readRecords(source: Source, options: ReadOptions): RecordReader {
  let consumed = 0;
  const bytes = byteChunks(source as AsyncIterable<Buffer | Uint8Array | string>, (count) => {
    consumed += count;
  });
  const text = decodeToUtf8(bytes, options.encoding ?? 'auto');
  const events = formatReaders[options.format](text, options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES);
  return new EventRecordReader(events, () => consumed);
}

class EventRecordReader implements RecordReader {
  private readonly pending: ReadItem[] = [];
  private headerNames: string[] | null = null;
  private finished = false;

  constructor(
    private readonly events: AsyncGenerator<ReaderEvent>,
    readonly bytesRead: () => number,
  ) {}

  async headers(): Promise<string[]> {
    while (this.headerNames === null) {
      const event = await this.nextEvent();
      if (event === null) this.headerNames = [];
      else if (event.kind === 'headers') this.headerNames = event.headers;
      else {
        this.pending.push(event);
        if (event.kind === 'record') this.headerNames = Object.keys(event.record.values);
        else if (this.pending.length >= HEADER_LOOKAHEAD_ROWS) this.headerNames = [];
      }
    }
    return this.headerNames;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<ReadItem> {
    try {
      for (;;) {
        const item = this.pending.shift();
        if (item) {
          yield item;
          continue;
        }
        const event = await this.nextEvent();
        if (event === null) return;
        if (event.kind === 'headers') this.headerNames ??= event.headers;
        else yield event;
      }
    } finally {
      if (!this.finished) {
        this.finished = true;
        await this.events.return(undefined);
      }
    }
  }

  private async nextEvent(): Promise<ReaderEvent | null> {
    if (this.finished) return null;
    const next = await this.events.next();
    if (next.done) this.finished = true;
    return next.done ? null : next.value;
  }
}

const FORMAT_BY_EXTENSION: Record<string, RecordFormat> = {
  csv: 'csv',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
};

/**
 * The format of an upload: from its extension, else from its first bytes (`[` → JSON array, `{` → JSON Lines,
 * a first line with `,`, `;` or tab → CSV). Null when neither tells.
 */
export function detectFormat(fileName: string, firstBytes: Buffer): RecordFormat | null {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const byExtension = extension === undefined ? undefined : FORMAT_BY_EXTENSION[extension];
  if (byExtension) return byExtension;
  if (firstBytes.includes(0)) return null;
  const text = firstBytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) return 'jsonl';
  const firstLine = Buffer.from(text.split(/\r?\n|\r/, 1)[0] ?? '', 'utf8');
  const delimiter = sniffDelimiter(firstLine);
  return firstLine.includes(delimiter) ? 'csv' : null;
}
