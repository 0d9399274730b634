import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import { htmlToText, tidyLines } from '../domain/resume/html-to-text.js';
import { isRtf, rtfToText } from '../domain/resume/rtf-to-text.js';
import { isValidUtf8 } from '../ingestion/detect-encoding.js';
import { ExtractionError } from './extraction-error.js';
import { readZipEntries, ZIP_MAGIC } from './zip-entries.js';

export { ExtractionError };

export type ResumeFormat = 'pdf' | 'docx' | 'doc' | 'rtf' | 'html' | 'txt';

export interface ExtractedResume {
  format: ResumeFormat;
  text: string;
}

/** A resume with less text than this is a scan or not a resume at all. */
const MIN_TEXT_CHARACTERS = 40;
/** Decompressed parts of one DOCX together. */
const MAX_DOCX_UNPACKED_BYTES = 50 * 1024 * 1024;
const MAX_PDF_PAGES = 50;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  prefix.every((byte, index) => bytes[index] === byte);
const asciiHead = (bytes: Uint8Array, length: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, length)).toString('latin1');

const IMAGE_MAGICS: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x49, 0x49, 0x2a, 0x00], // TIFF
  [0x4d, 0x4d, 0x00, 0x2a],
  [0x42, 0x4d], // BMP
];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Decodes text bytes: BOM first (UTF-8, UTF-16), then UTF-8 when valid, else Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buffer, [0xef, 0xbb, 0xbf])) return buffer.subarray(3).toString('utf8');
  if (startsWith(buffer, [0xff, 0xfe])) return iconv.decode(buffer.subarray(2), 'utf-16le');
  if (startsWith(buffer, [0xfe, 0xff])) return iconv.decode(buffer.subarray(2), 'utf-16be');
  if (buffer.includes(0))
    throw new ExtractionError('The file is binary, not a resume in a supported format.');
  return isValidUtf8(buffer, true) ? buffer.toString('utf8') : iconv.decode(buffer, 'win1252');
}

export function detectFormat(fileName: string, bytes: Uint8Array): ResumeFormat {
  if (bytes.length === 0) throw new ExtractionError('The file is empty.');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, ZIP_MAGIC)) return 'docx';
  if (startsWith(bytes, OLE_MAGIC)) return 'doc';
  if (IMAGE_MAGICS.some((magic) => startsWith(bytes, magic))) {
    throw new ExtractionError('The file is an image: scanned resumes need text (OCR is not supported).');
  }
  const head = asciiHead(bytes, 2048);
  if (isRtf(head)) return 'rtf';
  if (
    /\.x?html?$/i.test(fileName) ||
    /^\s*(?:<!doctype html|<html|<body|<head|<meta)/i.test(head.replace(/^\uFEFF|^\xEF\xBB\xBF/, ''))
  ) {
    return 'html';
  }
  return 'txt';
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const document = await task.promise.catch((error: unknown) => {
      const name = (error as { name?: string }).name;
      if (name === 'PasswordException') {
        throw new ExtractionError('The PDF is password-protected: remove the password and upload it again.');
      }
      throw new ExtractionError('The PDF is damaged or not a PDF; it could not be read.');
    });
    const pages: string[] = [];
    for (let number = 1; number <= Math.min(document.numPages, MAX_PDF_PAGES); number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      let lastY: number | null = null;
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const y = item.transform[5] as number;
        if (lastY !== null && Math.abs(y - lastY) > 2 && !text.endsWith('\n')) text += '\n';
        text += item.str;
        if (item.hasEOL) text += '\n';
        lastY = y;
      }
      pages.push(text);
      page.cleanup();
    }
    return pages.join('\n\n');
  } finally {
    await task.destroy();
  }
}

async function docxText(bytes: Uint8Array): Promise<string> {
  // mammoth's own unzip would inflate whatever the archive holds: hand it a copy unpacked within limits.
  const entries = readZipEntries(bytes, { maxEntries: 2000, maxUnpackedBytes: MAX_DOCX_UNPACKED_BYTES });
  if (!entries.some((entry) => entry.name === 'word/document.xml')) {
    throw new ExtractionError('The file is a zip archive but not a Word (DOCX) document.');
  }
  const { zipSync } = await import('fflate');
  const repacked = zipSync(
    Object.fromEntries(entries.map((entry) => [entry.name, [entry.data, { level: 0 }]])),
  );
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(repacked) });
    return result.value;
  } catch {
    throw new ExtractionError('The Word document is damaged; it could not be read.');
  }
}

/** Reads a legacy Word file's text; stops its work when `signal` aborts (the time limit ran out). */
export type DocReader = (bytes: Uint8Array, signal: AbortSignal) => Promise<string>;

/** How long one legacy Word file may take to read before it is given up as a per-file error. */
export const DOC_READ_TIMEOUT_MS = 10_000;

const DOC_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const WordExtractor = require(workerData.modulePath);
new WordExtractor().extract(Buffer.from(workerData.bytes)).then(
  (document) => parentPort.postMessage({ text: document.getBody() }),
  () => parentPort.postMessage({ failed: true }),
);`;

/**
 * word-extractor in a worker thread: a hostile OLE file (a cyclic sector chain, say) may loop without ever
 * yielding, which no timer on this thread could interrupt; the worker is terminated instead.
 */
export const wordExtractorReader: DocReader = (bytes, signal) =>
  new Promise<string>((resolve, reject) => {
    const modulePath = createRequire(import.meta.url).resolve('word-extractor');
    const worker = new Worker(DOC_WORKER_SOURCE, {
      eval: true,
      workerData: { modulePath, bytes },
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    const stop = () => void worker.terminate();
    signal.addEventListener('abort', stop, { once: true });
    const settle = (outcome: () => void) => {
      signal.removeEventListener('abort', stop);
      void worker.terminate();
      outcome();
    };
    worker.once('message', (message: { text?: string }) =>
      settle(() =>
        typeof message.text === 'string' ? resolve(message.text) : reject(new Error('unreadable')),
      ),
    );
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', () => settle(() => reject(new Error('the reader stopped'))));
  });

const DOC_DAMAGED =
  'The legacy Word (.doc) file is damaged or not a Word document; save it as DOCX or PDF and upload it again.';

/**
 * Legacy Word (.doc, an OLE compound file): word-extractor reads its piece table; other OLE files fail there.
 * A read that takes longer than the time limit is stopped and reported for this file alone.
 */
async function docText(bytes: Uint8Array, options: DocReadOptions): Promise<string> {
  const controller = new AbortController();
  const timeoutMs = options.docTimeoutMs ?? DOC_READ_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new ExtractionError(
          `The legacy Word (.doc) file could not be read within ${timeoutMs / 1000} s; save it as DOCX or PDF and upload it again.`,
        ),
      );
    }, timeoutMs);
  });
  const read = (options.docReader ?? wordExtractorReader)(bytes, controller.signal).catch(() => {
    throw new ExtractionError(DOC_DAMAGED);
  });
  try {
    return await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
    // A reader that fails after the time limit has already been reported; its late rejection is not an error.
    read.catch(() => undefined);
  }
}

export interface DocReadOptions {
  /** The legacy Word reader (tests pass one that never finishes). */
  docReader?: DocReader;
  docTimeoutMs?: number;
}

/** Text of one resume file; a file that yields none throws an {@link ExtractionError} saying why. */
export async function extractResumeText(
  fileName: string,
  bytes: Uint8Array,
  options: DocReadOptions = {},
): Promise<ExtractedResume> {
  const format = detectFormat(fileName, bytes);
  let raw: string;
  if (format === 'pdf') raw = await pdfText(bytes);
  else if (format === 'docx') raw = await docxText(bytes);
  else if (format === 'doc') raw = await docText(bytes, options);
  else {
    const decoded = decodeText(bytes);
    raw = format === 'rtf' ? rtfToText(decoded) : format === 'html' ? htmlToText(decoded) : decoded;
  }
  // Control characters other than line breaks and tabs are never text a recruiter should see.
  const text = tidyLines(raw.replace(/[^\P{Cc}\n\t]|[\ufffe\uffff]/gu, ' '));
  if (text.replace(/\s/g, '').length < MIN_TEXT_CHARACTERS) {
    throw new ExtractionError(
      format === 'pdf'
        ? 'The PDF has no text layer (a scan?): OCR is not supported, upload a PDF with text or a DOCX.'
        : 'The file holds almost no text; it does not look like a resume.',
    );
  }
  return { format, text };
}
