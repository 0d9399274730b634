import { MAX_RAW_BYTES } from './record-types.js';

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export interface SplitLine {
  /** 1-based. */
  lineNumber: number;
  /** The line without its line break; for a line over the limit, only its start. */
  bytes: Buffer;
  /** The full length of the line in bytes. */
  byteLength: number;
  tooLarge: boolean;
}

/**
 * Cuts a byte stream into lines (LF or CRLF), chunk by chunk. A line longer than `maxLineBytes` is not kept
 * whole: only its start survives, for the error report, so memory stays bounded.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private partsBytes = 0;
  private lineBytes = 0;
  private nextLineNumber = 1;

  constructor(private readonly maxLineBytes: number) {}

  push(chunk: Buffer): SplitLine[] {
    const lines: SplitLine[] = [];
    let start = 0;
    for (let end = chunk.indexOf(LINE_FEED); end !== -1; end = chunk.indexOf(LINE_FEED, start)) {
      this.keep(chunk.subarray(start, end));
      lines.push(this.finishLine());
      start = end + 1;
    }
    if (start < chunk.length) this.keep(chunk.subarray(start));
    return lines;
  }

  end(): SplitLine[] {
    return this.lineBytes > 0 ? [this.finishLine()] : [];
  }

  private keep(bytes: Buffer): void {
    this.lineBytes += bytes.length;
    const room = (this.lineBytes <= this.maxLineBytes ? this.maxLineBytes : MAX_RAW_BYTES) - this.partsBytes;
    if (room <= 0) return;
    const kept = bytes.length <= room ? bytes : bytes.subarray(0, room);
    this.parts.push(kept);
    this.partsBytes += kept.length;
  }

  private finishLine(): SplitLine {
    let bytes = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
    let byteLength = this.lineBytes;
    if (bytes.length > 0 && bytes.length === byteLength && bytes[bytes.length - 1] === CARRIAGE_RETURN) {
      bytes = bytes.subarray(0, -1);
      byteLength--;
    }
    const line = {
      lineNumber: this.nextLineNumber++,
      bytes,
      byteLength,
      tooLarge: byteLength > this.maxLineBytes,
    };
    this.parts = [];
    this.partsBytes = 0;
    this.lineBytes = 0;
    return line;
  }
}
