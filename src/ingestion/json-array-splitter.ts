import { ReadError } from './read-error.js';
import { describeSize, MAX_RAW_BYTES, rawText } from './record-types.js';

/** One top-level element of the array, in order; `index` is 1-based. */
export type JsonArrayPiece =
  | { kind: 'element'; index: number; text: string }
  | { kind: 'problem'; index: number; reason: string; raw: string };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

function isJsonWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

type State = 'start' | 'beforeElement' | 'afterComma' | 'element' | 'afterArray' | 'trailingContent';

/**
 * Cuts a UTF-8 JSON text holding one top-level array into the texts of its elements, chunk by chunk, so a huge
 * array never sits in memory whole: only the element being read is kept, and of an element larger than
 * `maxElementBytes` only its start (for the error report). It tracks strings, escapes and nesting depth, not
 * JSON grammar: a malformed element still comes out as one piece and fails when parsed.
 */
export class JsonArraySplitter {
  private state: State = 'start';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private elementParts: Buffer[] = [];
  private elementBytes = 0;
  private nextIndex = 1;

  constructor(private readonly maxElementBytes: number) {}

  /** @throws ReadError when the text does not start with `[`. */
  push(chunk: Buffer): JsonArrayPiece[] {
    const pieces: JsonArrayPiece[] = [];
    let elementStart = this.state === 'element' ? 0 : -1;
    for (let position = 0; position < chunk.length; position++) {
      const byte = chunk[position]!;
      if (this.state === 'element') {
        if (!this.continuesElement(byte)) {
          this.keepElementBytes(chunk.subarray(elementStart, position));
          elementStart = -1;
          pieces.push(this.finishElement());
          this.state = byte === COMMA ? 'afterComma' : 'afterArray';
        }
        continue;
      }
      if (isJsonWhitespace(byte)) continue;
      if (this.state === 'start') {
        if (byte !== OPEN_BRACKET) throw new ReadError(notAnArrayMessage(chunk, position));
        this.state = 'beforeElement';
      } else if (this.state === 'beforeElement' || this.state === 'afterComma') {
        if (byte === CLOSE_BRACKET) {
          // `[]` ends the array; so does a trailing comma before `]`, which is tolerated.
          this.state = 'afterArray';
        } else if (byte === COMMA) {
          pieces.push({
            kind: 'problem',
            index: this.nextIndex++,
            reason: 'Empty element (two commas in a row)',
            raw: '',
          });
        } else {
          this.startElement();
          elementStart = position;
          position--; // let the element state see its first byte
        }
      } else if (this.state === 'afterArray') {
        pieces.push({
          kind: 'problem',
          index: this.nextIndex,
          reason: 'Unexpected content after the end of the array; it was ignored',
          raw: rawText(chunk.subarray(position)),
        });
        this.state = 'trailingContent';
      }
    }
    if (elementStart >= 0) this.keepElementBytes(chunk.subarray(elementStart));
    return pieces;
  }

  /** @throws ReadError when the input was empty or only whitespace. */
  end(): JsonArrayPiece[] {
    switch (this.state) {
      case 'start':
        throw new ReadError('The file is empty.');
      case 'element':
        return [
          {
            kind: 'problem',
            index: this.nextIndex++,
            reason: 'The file ends inside this element (is the file truncated?)',
            raw: rawText(Buffer.concat(this.elementParts)),
          },
        ];
      case 'beforeElement':
      case 'afterComma':
        return [
          {
            kind: 'problem',
            index: this.nextIndex,
            reason: "The array is never closed with ']' (is the file truncated?)",
            raw: '',
          },
        ];
      default:
        return [];
    }
  }

  private startElement(): void {
    this.state = 'element';
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.elementParts = [];
    this.elementBytes = 0;
  }

  /** Advances the scanner over one byte of an element; false when the byte ends the element (`,` or `]`). */
  private continuesElement(byte: number): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (byte === BACKSLASH) this.escaped = true;
      else if (byte === QUOTE) this.inString = false;
      return true;
    }
    if (byte === QUOTE) this.inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) this.depth++;
    else if (this.depth === 0 && (byte === COMMA || byte === CLOSE_BRACKET)) return false;
    else if ((byte === CLOSE_BRACE || byte === CLOSE_BRACKET) && this.depth > 0) this.depth--;
    return true;
  }

  private keepElementBytes(bytes: Buffer): void {
    const keptBefore = this.elementBytes;
    this.elementBytes += bytes.length;
    if (this.elementBytes <= this.maxElementBytes) {
      this.elementParts.push(bytes);
    } else if (keptBefore < MAX_RAW_BYTES) {
      // Too large to parse: keep only what the error report shows.
      this.elementParts.push(bytes.subarray(0, MAX_RAW_BYTES - keptBefore));
    }
  }

  private finishElement(): JsonArrayPiece {
    const index = this.nextIndex++;
    const bytes = Buffer.concat(this.elementParts);
    this.elementParts = [];
    if (this.elementBytes > this.maxElementBytes) {
      return {
        kind: 'problem',
        index,
        reason: `Element is larger than the limit of ${describeSize(this.maxElementBytes)} (${this.elementBytes} bytes)`,
        raw: rawText(bytes),
      };
    }
    return { kind: 'element', index, text: bytes.toString('utf8').trimEnd() };
  }
}

function notAnArrayMessage(chunk: Buffer, position: number): string {
  const found = chunk[position] === OPEN_BRACE ? 'an object' : 'something else';
  return `The JSON file must hold an array of objects ([{...}, {...}]), but it starts with ${found}. For one object per line, use the JSONL format.`;
}
