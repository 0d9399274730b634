import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ExtractionError, extractResumeText, wordExtractorReader } from '../../src/intake/extract-text.js';
import { readZipEntries } from '../../src/intake/zip-entries.js';
import { docxFromText, pdfFromText } from '../support/resume-files.js';

const RESUME = [
  'Priya Sharma',
  'Senior Java Developer - Infosys',
  'Pune, Maharashtra',
  'priya.sharma@example.com | +91 98765 43210',
  '',
  'WORK EXPERIENCE',
  'Senior Java Developer',
  'Infosys - Pune',
  'June 2018 to Present',
].join('\n');

describe('extractResumeText', () => {
  it('reads the text layer of a PDF, line by line', async () => {
    const { format, text } = await extractResumeText('cv.pdf', await pdfFromText(RESUME));
    expect(format).toBe('pdf');
    expect(text).toContain('priya.sharma@example.com');
    expect(text.split('\n')).toContain('WORK EXPERIENCE');
  });

  it('reads a DOCX', async () => {
    const { format, text } = await extractResumeText('cv.docx', await docxFromText(RESUME));
    expect(format).toBe('docx');
    expect(text).toContain('Infosys - Pune');
  });

  it('reads a legacy Word .doc (Word 97 binary, written by LibreOffice)', async () => {
    const bytes = readFileSync(new URL('../fixtures/resumes/priya-sharma.doc', import.meta.url));
    const { format, text } = await extractResumeText('cv.doc', bytes);
    expect(format).toBe('doc');
    expect(text.split('\n')).toEqual(
      expect.arrayContaining(['Priya Sharma', 'WORK EXPERIENCE', 'Northwind Analytics - Austin, TX']),
    );
    expect(text).toContain('priya.sharma@example.com');
  });

  it("gives up a legacy .doc whose reader never finishes, as that file's error, and stops the reader", async () => {
    const bytes = readFileSync(new URL('../fixtures/resumes/priya-sharma.doc', import.meta.url));
    let stopped = false;
    const hanging = (_bytes: Uint8Array, signal: AbortSignal) =>
      new Promise<string>(() => {
        signal.addEventListener('abort', () => {
          stopped = true;
        });
      });
    const reading = extractResumeText('cv.doc', bytes, { docReader: hanging, docTimeoutMs: 50 });
    await expect(reading).rejects.toBeInstanceOf(ExtractionError);
    await expect(reading).rejects.toThrow(/could not be read within 0.05 s; save it as DOCX or PDF/);
    expect(stopped).toBe(true);
  });

  it('reports a .doc reader that fails after its time limit once, as the time limit', async () => {
    const bytes = readFileSync(new URL('../fixtures/resumes/priya-sharma.doc', import.meta.url));
    const late = (_bytes: Uint8Array, signal: AbortSignal) =>
      new Promise<string>((_resolve, reject) =>
        signal.addEventListener('abort', () => reject(new Error('x'))),
      );
    await expect(extractResumeText('cv.doc', bytes, { docReader: late, docTimeoutMs: 20 })).rejects.toThrow(
      /within/,
    );
  });

  it('terminates the word-extractor worker when the time limit aborts it', async () => {
    const bytes = readFileSync(new URL('../fixtures/resumes/priya-sharma.doc', import.meta.url));
    const controller = new AbortController();
    const reading = wordExtractorReader(bytes, controller.signal);
    controller.abort();
    await expect(reading).rejects.toThrow(/stopped/);
  });

  it('reads RTF with escapes and skips its tables', async () => {
    const rtf =
      "{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}{\\colortbl;\\red0\\green0\\blue0;}\\f0 Jos\\'e9 Mart\\u237?nez\\par Senior Developer at Acme Corporation\\par Skills: Python, SQL and Kubernetes}";
    const { format, text } = await extractResumeText('cv.rtf', Buffer.from(rtf, 'latin1'));
    expect(format).toBe('rtf');
    expect(text).toBe(
      'José Martínez\nSenior Developer at Acme Corporation\nSkills: Python, SQL and Kubernetes',
    );
  });

  it('reads HTML without scripts, decoding entities', async () => {
    const html =
      '<html><head><title>x</title><script>alert(1)</script></head><body><h1>Ana L&oacute;pez &amp; Co</h1><p>Data Engineer at Globex Corporation since 2019</p><ul><li>Python</li><li>Spark</li></ul></body></html>';
    const { format, text } = await extractResumeText('cv.html', Buffer.from(html));
    expect(format).toBe('html');
    expect(text).not.toContain('alert');
    expect(text).toContain('Data Engineer at Globex Corporation since 2019\nPython\nSpark');
  });

  it('decodes Windows-1252 and UTF-16 text files', async () => {
    const text = `${RESUME}\nRené Müller – café`;
    expect((await extractResumeText('a.txt', iconv.encode(text, 'win1252'))).text).toContain(
      'René Müller – café',
    );
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    expect((await extractResumeText('b.txt', utf16)).text).toContain('René Müller');
  });

  it.each([
    ['an encrypted PDF', async () => pdfFromText(RESUME, { userPassword: 'secret' }), /password-protected/],
    ['a corrupt PDF', async () => Buffer.from('%PDF-1.7\n garbage that is no pdf'), /damaged/],
    ['a PDF without text (a scan)', async () => pdfFromText(' '), /no text layer/],
    ['an image', async () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), /image/],
    [
      'a damaged legacy .doc',
      async () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
      /\.doc\) file is damaged/,
    ],
    ['an empty file', async () => Buffer.alloc(0), /empty/],
    [
      'a zip that is not a DOCX',
      async () => Buffer.from(zipSync({ 'a.txt': Buffer.from('hello') })),
      /not a Word/,
    ],
    ['binary noise', async () => Buffer.from([1, 2, 0, 3, 4, 0, 5]), /binary/],
  ])('rejects %s with a clear message', async (_name, build, message) => {
    await expect(extractResumeText('file', await build())).rejects.toThrow(message);
    await expect(extractResumeText('file', await build())).rejects.toBeInstanceOf(ExtractionError);
  });
});

describe('readZipEntries', () => {
  it('refuses an archive that unpacks past the limit before inflating it', () => {
    const bomb = zipSync({ 'zeros.txt': [new Uint8Array(20 * 1024 * 1024), { level: 9 }] });
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => readZipEntries(bomb, { maxEntries: 10, maxUnpackedBytes: 1024 * 1024 })).toThrow(
      /unpacks to more than 1 MB/,
    );
  });

  it('cuts an entry that lies about its size at the declared size', () => {
    const archive = zipSync({ 'a.txt': [new Uint8Array(100_000).fill(65), { level: 9 }] });
    const view = new DataView(archive.buffer, archive.byteOffset);
    // Patch the central directory's uncompressed size (offset 24 in the entry) to 10 bytes.
    const central = archive.findIndex((_, i) => view.getUint32(i, true) === 0x02014b50);
    view.setUint32(central + 24, 10, true);
    const [entry] = readZipEntries(archive, { maxEntries: 10, maxUnpackedBytes: 1000 });
    expect(entry!.data.length).toBe(10);
  });

  it('refuses too many entries', () => {
    const many = zipSync(
      Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`${i}.txt`, Buffer.from('x')])),
    );
    expect(() => readZipEntries(many, { maxEntries: 4, maxUnpackedBytes: 1000 })).toThrow(
      /more than 4 files/,
    );
  });
});
