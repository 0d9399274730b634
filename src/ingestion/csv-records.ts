import { type CsvError, type Parser, parse } from 'csv-parse';
import { ReadError } from './read-error.js';
import {
  describeSize,
  errorItem,
  MAX_RAW_BYTES,
  type ReaderEvent,
  rawText,
  recordItem,
} from './record-types.js';

const QUOTE = 0x22;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Delimiters recognised from the header line, most common first (a tie goes to the earlier one). */
const CANDIDATE_DELIMITERS = [',', ';', '\t'] as const;

/** Picks the delimiter that occurs most often, outside quotes, in the first line of `start` (`,` by default). */
export function sniffDelimiter(start: Buffer): string {
  const counts = new Map<number, number>(
    CANDIDATE_DELIMITERS.map((delimiter) => [delimiter.charCodeAt(0), 0]),
  );
  let inQuotes = false;
  for (const byte of start) {
    if (byte === QUOTE) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (byte === LINE_FEED || byte === CARRIAGE_RETURN) break;
    else {
      const count = counts.get(byte);
      if (count !== undefined) counts.set(byte, count + 1);
    }
  }
  let best: string = CANDIDATE_DELIMITERS[0];
  for (const delimiter of CANDIDATE_DELIMITERS) {
    if (counts.get(delimiter.charCodeAt(0))! > counts.get(best.charCodeAt(0))!) best = delimiter;
  }
  return best;
}

/** Column names from a header row: trimmed, `column_N` for blanks, `name_2`, `name_3` for repeats. */
export function normalizeHeaders(cells: readonly string[]): string[] {
  const used = new Set<string>();
  return cells.map((cell, index) => {
    const base = cell.trim() || `column_${index + 1}`;
    let name = base;
    for (let suffix = 2; used.has(name); suffix++) name = `${base}_${suffix}`;
    used.add(name);
    return name;
  });
}

function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

type ParsedRow =
  | { kind: 'cells'; cells: string[]; end: number }
  | { kind: 'problem'; problem: CsvError | undefined };

/**
 * One csv-parse parser over a stretch of the input, plus the input bytes of the row it is in the middle of
 * (offsets count from the start of that stretch), so that rows can be reported with their source text.
 */
class ParserRun {
  private readonly parser: Parser;
  private parsed: ParsedRow[] = [];
  private window: { offset: number; bytes: Buffer }[] = [];
  private fed = 0;
  private rowStart = 0;

  constructor(delimiter: string) {
    this.parser = parse({
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      bom: false,
      relax_column_count: true,
      // A stray quote inside an unquoted value is kept as text, as spreadsheet programs do.
      relax_quotes: true,
      skip_empty_lines: false,
      skip_records_with_error: true,
      max_record_size: 0,
      on_record: (cells: string[], context) => {
        this.parsed.push({ kind: 'cells', cells, end: context.bytes });
        return null;
      },
      on_skip: (problem) => {
        this.parsed.push({ kind: 'problem', problem });
      },
    });
    this.parser.on('error', () => {
      // Reported through the write/end callbacks.
    });
  }

  write(chunk: Buffer): Promise<void> {
    this.window.push({ offset: this.fed, bytes: chunk });
    this.fed += chunk.length;
    return new Promise((resolve, reject) => {
      this.parser.write(chunk, (error) => (error ? reject(error) : resolve()));
    });
  }

  end(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.parser.once('error', reject);
      this.parser.end(() => resolve());
    });
  }

  destroy(): void {
    this.parser.destroy();
  }

  takeParsed(): ParsedRow[] {
    const parsed = this.parsed;
    this.parsed = [];
    return parsed;
  }

  /** Bytes read into the row not finished yet. */
  unfinishedBytes(): number {
    return this.fed - this.rowStart;
  }

  /** Ends the current row at `end` (or at all bytes fed so far); returns its size and source text. */
  finishRow(end = this.fed): { bytes: number; raw: string } {
    const bytes = end - this.rowStart;
    const raw = rawText(this.slice(this.rowStart, Math.min(end, this.rowStart + MAX_RAW_BYTES)));
    this.rowStart = end;
    while (this.window.length > 0 && this.window[0]!.offset + this.window[0]!.bytes.length <= end) {
      this.window.shift();
    }
    return { bytes, raw: raw.replace(/\r?\n$|\r$/, '') };
  }

  /** The bytes of the unfinished row. */
  unfinishedRow(): Buffer {
    return this.slice(this.rowStart, this.fed);
  }

  private slice(start: number, end: number): Buffer {
    const parts: Buffer[] = [];
    for (const { offset, bytes } of this.window) {
      const from = Math.max(start - offset, 0);
      const to = Math.min(end - offset, bytes.length);
      if (from < to) parts.push(bytes.subarray(from, to));
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }
}

/**
 * Follows RFC 4180 quoting (a line break ends a row only outside quotes; `""` toggles twice) to find where a row
 * too large to parse ends.
 */
class RowEndScanner {
  private inQuotes = false;
  private afterCarriageReturn = false;

  /** The index just past the row's line break in `bytes`, or -1 when the row goes on. */
  scan(bytes: Buffer): number {
    for (let index = 0; index < bytes.length; index++) {
      const byte = bytes[index]!;
      if (this.afterCarriageReturn) return byte === LINE_FEED ? index + 1 : index;
      if (byte === QUOTE) this.inQuotes = !this.inQuotes;
      else if (!this.inQuotes && byte === LINE_FEED) return index + 1;
      else if (!this.inQuotes && byte === CARRIAGE_RETURN) this.afterCarriageReturn = true;
    }
    return -1;
  }

  get endedInQuotes(): boolean {
    return this.inQuotes;
  }
}

function describeProblem(problem: CsvError | undefined): string {
  if (problem?.code === 'CSV_QUOTE_NOT_CLOSED') {
    return 'A quoted value opened in this row is never closed, so the rest of the file was read into it';
  }
  return problem?.message ?? 'Malformed row';
}

/** Turns parsed rows into the header and the numbered records and row errors. */
class RowInterpreter {
  private headers: string[] | null = null;
  private rowNumber = 0;

  constructor(private readonly maxRowBytes: number) {}

  get hasHeader(): boolean {
    return this.headers !== null;
  }

  *interpret(run: ParserRun): Generator<ReaderEvent> {
    for (const row of run.takeParsed()) {
      this.rowNumber++;
      if (row.kind === 'problem') {
        yield errorItem(this.rowNumber, describeProblem(row.problem), run.finishRow().raw);
        continue;
      }
      const { bytes, raw } = run.finishRow(row.end);
      if (bytes > this.maxRowBytes) {
        yield errorItem(this.rowNumber, this.tooLargeReason(bytes, false), raw);
      } else if (isBlankRow(row.cells)) {
        // Not data: a spreadsheet's empty row keeps its number but yields nothing.
      } else if (this.headers === null) {
        this.headers = normalizeHeaders(row.cells);
        yield { kind: 'headers', headers: this.headers };
      } else {
        yield this.rowItem(this.headers, row.cells, raw);
      }
    }
  }

  tooLargeRow(raw: string, bytes: number, endedInQuotes: boolean): ReaderEvent {
    this.rowNumber++;
    return errorItem(this.rowNumber, this.tooLargeReason(bytes, endedInQuotes), raw);
  }

  private tooLargeReason(bytes: number, endedInQuotes: boolean): string {
    const reason = `Row is larger than the limit of ${describeSize(this.maxRowBytes)} (${bytes} bytes)`;
    return endedInQuotes
      ? `${reason}: a quoted value opened in this row is never closed, so the rest of the file was read into it`
      : reason;
  }

  private rowItem(headers: readonly string[], cells: readonly string[], raw: string): ReaderEvent {
    const extraCells = cells.slice(headers.length);
    if (cells.length < headers.length) {
      return errorItem(
        this.rowNumber,
        `Row has ${cells.length} values but the header has ${headers.length} columns`,
        raw,
      );
    }
    // Trailing empty cells (`a,b,c,,`) carry no data, so they are dropped rather than rejected.
    if (!isBlankRow(extraCells)) {
      return errorItem(
        this.rowNumber,
        `Row has ${cells.length} values but the header has ${headers.length} columns`,
        raw,
      );
    }
    return recordItem(
      this.rowNumber,
      Object.fromEntries(headers.map((name, index) => [name, cells[index]])),
      raw,
    );
  }
}

/**
 * Reads CSV (RFC 4180; `,`, `;` or tab, guessed from the header line) from UTF-8 chunks without a BOM.
 * Yields the header first, then one item per non-blank row. A row over `maxRowBytes` becomes an error and
 * reading resumes after it.
 */
export async function* readCsv(
  chunks: AsyncIterable<Buffer>,
  maxRowBytes: number,
): AsyncGenerator<ReaderEvent> {
  const input = chunks[Symbol.asyncIterator]();
  let inputDone = false;
  const nextChunk = async (): Promise<Buffer | null> => {
    const next = await input.next();
    if (next.done) inputDone = true;
    return next.done ? null : next.value;
  };
  let run: ParserRun | null = null;
  try {
    let chunk = await nextChunk();
    if (chunk === null) throw new ReadError('The file is empty.');
    const delimiter = sniffDelimiter(chunk);
    const rows = new RowInterpreter(maxRowBytes);
    run = new ParserRun(delimiter);
    while (chunk !== null) {
      if (chunk.length > 0) await run.write(chunk);
      yield* rows.interpret(run);
      if (run.unfinishedBytes() > maxRowBytes) {
        const skipped = await skipRow(run, nextChunk);
        run.destroy();
        yield rows.tooLargeRow(skipped.raw, skipped.bytes, skipped.endedInQuotes);
        run = new ParserRun(delimiter);
        chunk = skipped.rest;
      } else {
        chunk = await nextChunk();
      }
    }
    await run.end();
    yield* rows.interpret(run);
    if (!rows.hasHeader) throw new ReadError('The CSV file has no header row: it holds only blank lines.');
  } finally {
    run?.destroy();
    if (!inputDone) await input.return?.();
  }
}

/**
 * Reads past the unfinished row of `run` to its end without keeping it, and returns its start and what follows
 * it (null at the end of the input).
 */
async function skipRow(
  run: ParserRun,
  nextChunk: () => Promise<Buffer | null>,
): Promise<{ raw: string; bytes: number; endedInQuotes: boolean; rest: Buffer | null }> {
  const scanner = new RowEndScanner();
  let chunk: Buffer | null = run.unfinishedRow();
  const raw = rawText(chunk);
  let bytes = 0;
  for (;;) {
    if (chunk === null) return { raw, bytes, endedInQuotes: scanner.endedInQuotes, rest: null };
    const end = scanner.scan(chunk);
    if (end !== -1) return { raw, bytes: bytes + end, endedInQuotes: false, rest: chunk.subarray(end) };
    bytes += chunk.length;
    chunk = await nextChunk();
  }
}
