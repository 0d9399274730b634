import { type JsonArrayPiece, JsonArraySplitter } from './json-array-splitter.js';
import { LineSplitter, type SplitLine } from './line-splitter.js';
import { ReadError } from './read-error.js';
import { describeSize, errorItem, type ReadItem, rawText, recordItem, truncateRaw } from './record-types.js';

function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** Parses one element or line that must be a JSON object. */
function jsonObjectItem(rowNumber: number, text: string): ReadItem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return errorItem(rowNumber, `Invalid JSON: ${(error as Error).message}`, text);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return errorItem(rowNumber, `Expected a JSON object, got ${describeJsonValue(value)}`, text);
  }
  return recordItem(rowNumber, value as Record<string, unknown>, truncateRaw(text));
}

function pieceItem(piece: JsonArrayPiece): ReadItem {
  return piece.kind === 'element'
    ? jsonObjectItem(piece.index, piece.text)
    : errorItem(piece.index, piece.reason, piece.raw);
}

/** Reads a top-level JSON array of objects; `rowNumber` is the element's 1-based position. */
export async function* readJsonArray(
  chunks: AsyncIterable<Buffer>,
  maxRecordBytes: number,
): AsyncGenerator<ReadItem> {
  const splitter = new JsonArraySplitter(maxRecordBytes);
  for await (const chunk of chunks) {
    for (const piece of splitter.push(chunk)) yield pieceItem(piece);
  }
  for (const piece of splitter.end()) yield pieceItem(piece);
}

/** Reads JSON Lines: one object per line, blank lines skipped; `rowNumber` is the line number. */
export async function* readJsonLines(
  chunks: AsyncIterable<Buffer>,
  maxRecordBytes: number,
): AsyncGenerator<ReadItem> {
  let sawContent = false;
  for await (const line of splitLines(chunks, maxRecordBytes)) {
    const item = lineItem(line, maxRecordBytes);
    if (item) {
      sawContent = true;
      yield item;
    }
  }
  if (!sawContent) throw new ReadError('The file is empty.');
}

async function* splitLines(chunks: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<SplitLine> {
  const splitter = new LineSplitter(maxLineBytes);
  for await (const chunk of chunks) yield* splitter.push(chunk);
  yield* splitter.end();
}

function lineItem(line: SplitLine, maxRecordBytes: number): ReadItem | null {
  if (line.tooLarge) {
    return errorItem(
      line.lineNumber,
      `Line is larger than the limit of ${describeSize(maxRecordBytes)} (${line.byteLength} bytes)`,
      rawText(line.bytes),
    );
  }
  const text = line.bytes.toString('utf8');
  return text.trim() === '' ? null : jsonObjectItem(line.lineNumber, text);
}
