import { createReadStream } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { measureReader } from '../../scripts/check-reader-memory.js';
import {
  detectFormat,
  ReadError,
  type ReadItem,
  type ReadOptions,
  readRecords,
  type SourceRecord,
  type SourceRecordError,
} from './read-records.js';

const JOBS_DIR = path.resolve(process.cwd(), '../shared/data/jobs');

/** Feeds `input` in chunks of `size` bytes, so that every boundary case gets cut somewhere. */
async function* chunked(input: string | Buffer, size = 7): AsyncGenerator<Buffer> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

interface ReadResult {
  headers: string[];
  records: SourceRecord[];
  errors: SourceRecordError[];
  items: ReadItem[];
  bytesRead: number;
}

async function readAll(input: string | Buffer, options: ReadOptions, chunkSize = 7): Promise<ReadResult> {
  const reader = readRecords(chunked(input, chunkSize), options);
  const headers = await reader.headers();
  const items: ReadItem[] = [];
  for await (const item of reader) items.push(item);
  return {
    headers,
    items,
    records: items.flatMap((item) => (item.kind === 'record' ? [item.record] : [])),
    errors: items.flatMap((item) => (item.kind === 'error' ? [item.error] : [])),
    bytesRead: reader.bytesRead(),
  };
}

const csv = (input: string | Buffer, chunkSize?: number, options: Partial<ReadOptions> = {}) =>
  readAll(input, { format: 'csv', ...options }, chunkSize);

describe('readRecords: CSV', () => {
  it('reads the header and rows, numbered as a spreadsheet shows them', async () => {
    const result = await csv('title,company\nEngineer,Acme\nDesigner,Globex\n');
    expect(result.headers).toEqual(['title', 'company']);
    expect(result.records).toEqual([
      { rowNumber: 2, values: { title: 'Engineer', company: 'Acme' }, raw: 'Engineer,Acme' },
      { rowNumber: 3, values: { title: 'Designer', company: 'Globex' }, raw: 'Designer,Globex' },
    ]);
    expect(result.errors).toEqual([]);
  });

  it('handles quoted newlines, doubled quotes, CRLF and LF mixed, and strips a UTF-8 BOM', async () => {
    const text =
      '\uFEFFtitle,description\r\n"Dev","line 1\r\nline 2\nsaid ""hi"", ok"\r\nQA,plain\n"A, B",\n';
    for (const chunkSize of [1, 2, 3, 5, 64]) {
      const result = await csv(text, chunkSize);
      expect(result.headers).toEqual(['title', 'description']);
      expect(result.records.map((record) => [record.rowNumber, record.values])).toEqual([
        [2, { title: 'Dev', description: 'line 1\r\nline 2\nsaid "hi", ok' }],
        [3, { title: 'QA', description: 'plain' }],
        [4, { title: 'A, B', description: '' }],
      ]);
      expect(result.records[0]!.raw).toBe('"Dev","line 1\r\nline 2\nsaid ""hi"", ok"');
    }
  });

  it('round-trips any RFC 4180 table, however the input is chunked', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', '€', ',', '"', '\n', '\r\n', ' ', '=', 'x') });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 40 }),
        async (rows, lineBreak, chunkSize) => {
          const dataRows = rows.filter((row) => row.some((value) => value.trim() !== ''));
          const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
          const text = ['a,b,c', ...rows.map((row) => row.map(quote).join(','))].join(lineBreak);
          const result = await csv(text, chunkSize);
          expect(result.errors).toEqual([]);
          expect(result.records.map((record) => Object.values(record.values))).toEqual(dataRows);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('trims header names and names blank and repeated ones', async () => {
    const result = await csv(' title ,,name,name, name ,\nA,B,C,D,E,F\n');
    expect(result.headers).toEqual(['title', 'column_2', 'name', 'name_2', 'name_3', 'column_6']);
    expect(result.records[0]!.values).toEqual({
      title: 'A',
      column_2: 'B',
      name: 'C',
      name_2: 'D',
      name_3: 'E',
      column_6: 'F',
    });
  });

  it('keeps a header named __proto__ as a plain column', async () => {
    const result = await csv('__proto__,constructor\nx,y\n');
    const values = result.records[0]!.values;
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(Object.keys(values)).toEqual(['__proto__', 'constructor']);
    expect(values.constructor).toBe('y');
  });

  it('reports rows with too few or too many values in the middle of the file and keeps reading', async () => {
    const result = await csv('a,b,c\n1,2,3\n4,5\n6,7,8\n9,10,11,12\n13,14,15,,\n16,17,18\n');
    expect(result.errors).toEqual([
      { rowNumber: 3, reason: 'Row has 2 values but the header has 3 columns', raw: '4,5' },
      { rowNumber: 5, reason: 'Row has 4 values but the header has 3 columns', raw: '9,10,11,12' },
    ]);
    expect(result.records.map((record) => record.rowNumber)).toEqual([2, 4, 6, 7]);
    expect(result.records[2]!.values).toEqual({ a: '13', b: '14', c: '15' });
  });

  it('skips blank rows without data, but they keep their row number', async () => {
    const result = await csv('\n\na,b\n\n1,2\n ,\n,,\n3,4');
    expect(result.headers).toEqual(['a', 'b']);
    expect(result.records.map((record) => [record.rowNumber, record.values])).toEqual([
      [5, { a: '1', b: '2' }],
      [8, { a: '3', b: '4' }],
    ]);
    expect(result.errors).toEqual([]);
  });

  it('keeps every cell as text, formulas included', async () => {
    const result = await csv('a,b,c,d,e\n=1+1,+SUM(A1),-2,@cmd,007\n');
    expect(result.records[0]!.values).toEqual({ a: '=1+1', b: '+SUM(A1)', c: '-2', d: '@cmd', e: '007' });
  });

  it('keeps a stray quote inside an unquoted value as text', async () => {
    const result = await csv('item,size\nscreen,27" wide\n');
    expect(result.records[0]!.values).toEqual({ item: 'screen', size: '27" wide' });
  });

  it('reports a quote never closed before the end of the file, after the rows before it', async () => {
    const result = await csv('a,b\n1,2\n3,"never closed\n4,5\n');
    expect(result.records.map((record) => record.values)).toEqual([{ a: '1', b: '2' }]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.rowNumber).toBe(3);
    expect(result.errors[0]!.reason).toMatch(/never closed/);
    expect(result.errors[0]!.raw).toContain('3,"never closed');
  });

  it('reports an unclosed quote in a large file once, without holding the rest in memory', async () => {
    const rows = Array.from({ length: 2000 }, (_, index) => `${index},text ${index}`);
    const text = `a,b\n0,ok\n1,"broken\n${rows.join('\n')}\n`;
    const result = await csv(text, 512, { maxRecordBytes: 1024 });
    expect(result.records.map((record) => record.rowNumber)).toEqual([2]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.rowNumber).toBe(3);
    expect(result.errors[0]!.reason).toMatch(/larger than the limit of 1 KiB.*never closed/);
    expect(result.errors[0]!.raw.startsWith('1,"broken\n0,text 0')).toBe(true);
  });

  it('turns a row over the size limit into an error and resumes at the next row', async () => {
    const big = `"${'word, '.repeat(400)}\nmore ""quoted"" text"`;
    const text = `id,text\r\n1,small\r\n2,${big}\r\n3,after\r\n4,${big}\r\n5,last`;
    for (const chunkSize of [1, 7, 100, 5000]) {
      const result = await csv(text, chunkSize, { maxRecordBytes: 1000 });
      expect(result.records.map((record) => [record.rowNumber, record.values.id])).toEqual([
        [2, '1'],
        [4, '3'],
        [6, '5'],
      ]);
      expect(result.errors.map((error) => error.rowNumber)).toEqual([3, 5]);
      expect(result.errors[0]!.reason).toMatch(/^Row is larger than the limit of 1000 bytes \(\d+ bytes\)$/);
      expect(result.errors[0]!.raw.startsWith('2,"word, word')).toBe(true);
    }
  });

  it('cuts the raw text of a row to 2,000 characters', async () => {
    const long = 'x'.repeat(5000);
    const result = await csv(`a,b\n1,${long}\n`);
    expect(result.records[0]!.values.b).toBe(long);
    expect(result.records[0]!.raw).toHaveLength(2000);
  });

  it('recognises semicolon and tab delimiters from the header line', async () => {
    const semicolon = await csv('title;salary;note\nDev;"50,000";"a;b"\n');
    expect(semicolon.records[0]!.values).toEqual({ title: 'Dev', salary: '50,000', note: 'a;b' });
    const tab = await csv('title\tsalary\nDev\t50,000\n');
    expect(tab.records[0]!.values).toEqual({ title: 'Dev', salary: '50,000' });
  });

  it('returns the header and no rows for a header-only file', async () => {
    const result = await csv('a,b\r\n');
    expect(result.headers).toEqual(['a', 'b']);
    expect(result.items).toEqual([]);
  });

  it('rejects an empty file, a BOM-only file and a file of blank lines', async () => {
    await expect(csv('')).rejects.toThrow(new ReadError('The file is empty.'));
    await expect(csv('\uFEFF')).rejects.toThrow(ReadError);
    await expect(csv('\n\r\n ,\n')).rejects.toThrow(/no header row/);
  });
});

describe('readRecords: real job files', () => {
  it.each([
    ['glassdoor_ds_jobs.csv', 956, 15],
    ['adzuna_uk_jobs.csv', 1241, 13],
    ['open_jobs_ats.csv', 15918, 11],
  ])('reads %s: %i rows, no errors', async (file, rows, columns) => {
    const reader = readRecords(createReadStream(path.join(JOBS_DIR, file)), { format: 'csv' });
    const headers = await reader.headers();
    let records = 0;
    const errors: SourceRecordError[] = [];
    let lastRow = 0;
    for await (const item of reader) {
      if (item.kind === 'record') {
        records++;
        lastRow = item.record.rowNumber;
      } else errors.push(item.error);
    }
    expect(headers).toHaveLength(columns);
    expect(errors).toEqual([]);
    expect(records).toBe(rows);
    expect(lastRow).toBe(rows + 1);
  });

  it('keeps the multi-line cells of the Glassdoor file', async () => {
    const reader = readRecords(createReadStream(path.join(JOBS_DIR, 'glassdoor_ds_jobs.csv')), {
      format: 'csv',
    });
    expect((await reader.headers())[0]).toBe('column_1');
    for await (const item of reader) {
      if (item.kind !== 'record') continue;
      expect(item.record.values['Job Title']).toBe('Data Scientist');
      expect(String(item.record.values['Company Name'])).toMatch(/\n\d\.\d$/);
      expect(String(item.record.values['Job Description']).split('\n').length).toBeGreaterThan(3);
      break;
    }
  });
});

describe('readRecords: encodings', () => {
  const text = 'title,note\nCafé manager,It’s €50k – négociable\n';
  const expected = { title: 'Café manager', note: 'It’s €50k – négociable' };

  it('reads UTF-8', async () => {
    const result = await csv(Buffer.from(text, 'utf8'), 3);
    expect(result.records[0]!.values).toEqual(expected);
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', async () => {
    const bytes = iconv.encode(text, 'win1252');
    expect(bytes.includes(0x80)).toBe(true); // € is 0x80 in Windows-1252
    const result = await csv(bytes, 3);
    expect(result.records[0]!.values).toEqual(expected);
    const explicit = await csv(bytes, 3, { encoding: 'windows-1252' });
    expect(explicit.records[0]!.values).toEqual(expected);
  });

  it('judges the encoding on the first 64 KiB only, and from there on for the whole stream', async () => {
    const filler = 'é'.repeat(40_000); // 80,000 bytes: multi-byte characters cut at every chunk edge
    const result = await csv(Buffer.from(`a,b\n${filler},€\n`, 'utf8'), 4099);
    expect(result.records[0]!.values).toEqual({ a: filler, b: '€' });
  });

  it('rejects non-UTF-8 when UTF-8 was asked for, UTF-16 and binary files', async () => {
    await expect(csv(iconv.encode(text, 'win1252'), 7, { encoding: 'utf-8' })).rejects.toThrow(
      /not valid UTF-8/,
    );
    await expect(csv(iconv.encode(`\uFEFF${text}`, 'utf16le'))).rejects.toThrow(/UTF-16/);
    await expect(csv(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).rejects.toThrow(/binary/);
  });
});

const json = (input: string | Buffer, chunkSize?: number, options: Partial<ReadOptions> = {}) =>
  readAll(input, { format: 'json', ...options }, chunkSize);

describe('readRecords: JSON array', () => {
  it('streams the elements of a top-level array, numbered from 1', async () => {
    const text = `\uFEFF [
      {"title": "Dev [senior], {remote}", "tags": ["a", {"b": "]"}], "q": "say \\"hi\\" \\\\"},
      {"title": "QA", "n": 2} ,
      {"title":"é€"}
    ]\n`;
    for (const chunkSize of [1, 3, 64]) {
      const result = await json(text, chunkSize);
      expect(result.headers).toEqual(['title', 'tags', 'q']);
      expect(result.errors).toEqual([]);
      expect(result.records.map((record) => [record.rowNumber, record.values])).toEqual([
        [1, { title: 'Dev [senior], {remote}', tags: ['a', { b: ']' }], q: 'say "hi" \\' }],
        [2, { title: 'QA', n: 2 }],
        [3, { title: 'é€' }],
      ]);
      expect(result.records[1]!.raw).toBe('{"title": "QA", "n": 2}');
    }
  });

  it('reports elements that are not objects or not JSON, and keeps reading', async () => {
    const result = await json('[{"a":1}, 42, [1], null, {"a": tru}, "s", {"a":2},]');
    expect(result.records.map((record) => [record.rowNumber, record.values])).toEqual([
      [1, { a: 1 }],
      [7, { a: 2 }],
    ]);
    expect(result.errors.map((error) => [error.rowNumber, error.reason.split(':')[0]])).toEqual([
      [2, 'Expected a JSON object, got a number'],
      [3, 'Expected a JSON object, got an array'],
      [4, 'Expected a JSON object, got null'],
      [5, 'Invalid JSON'],
      [6, 'Expected a JSON object, got a string'],
    ]);
    expect(result.errors[3]!.raw).toBe('{"a": tru}');
  });

  it('reports a truncated array after the elements read so far', async () => {
    const result = await json('[{"a":1},{"a":2},{"a":');
    expect(result.records).toHaveLength(2);
    expect(result.errors).toEqual([
      expect.objectContaining({ rowNumber: 3, reason: expect.stringMatching(/truncated/), raw: '{"a":' }),
    ]);
    const unclosed = await json('[{"a":1},');
    expect(unclosed.errors).toEqual([
      expect.objectContaining({ rowNumber: 2, reason: expect.stringMatching(/never closed/) }),
    ]);
  });

  it('turns an element over the size limit into an error and reads on', async () => {
    const big = JSON.stringify({ text: 'x, ]'.repeat(1000) });
    const result = await json(`[${big},{"a":1},${big}]`, 100, { maxRecordBytes: 1000 });
    expect(result.records.map((record) => record.rowNumber)).toEqual([2]);
    expect(result.errors.map((error) => error.rowNumber)).toEqual([1, 3]);
    expect(result.errors[0]!.reason).toMatch(/larger than the limit/);
    expect(result.errors[0]!.raw.startsWith('{"text":"x, ]')).toBe(true);
  });

  it('gives empty headers for an empty array', async () => {
    const result = await json('[ ]');
    expect(result.headers).toEqual([]);
    expect(result.items).toEqual([]);
  });

  it('reports content after the array', async () => {
    const result = await json('[{"a":1}] junk');
    expect(result.records).toHaveLength(1);
    expect(result.errors[0]!.reason).toMatch(/after the end of the array/);
  });

  it('rejects a file that is not an array, and an empty file', async () => {
    await expect(json('{"a":1}')).rejects.toThrow(/array of objects.*JSONL/);
    await expect(json('  \n')).rejects.toThrow(ReadError);
  });
});

describe('readRecords: JSON Lines', () => {
  it('reads one object per line, skipping blank lines, numbered by line', async () => {
    const text = '{"a":1}\r\n\n  \n{"a":2,"b":"x\\ny"}\nnot json\n[1]\n{"a":3}';
    const result = await readAll(text, { format: 'jsonl' }, 4);
    expect(result.headers).toEqual(['a']);
    expect(result.records.map((record) => [record.rowNumber, record.values])).toEqual([
      [1, { a: 1 }],
      [4, { a: 2, b: 'x\ny' }],
      [7, { a: 3 }],
    ]);
    expect(result.errors.map((error) => [error.rowNumber, error.raw])).toEqual([
      [5, 'not json'],
      [6, '[1]'],
    ]);
  });

  it('turns a line over the size limit into an error', async () => {
    const text = `{"a":"${'x'.repeat(3000)}"}\n{"a":2}\n`;
    const result = await readAll(text, { format: 'jsonl', maxRecordBytes: 1000 }, 100);
    expect(result.records.map((record) => record.rowNumber)).toEqual([2]);
    expect(result.errors[0]).toMatchObject({
      rowNumber: 1,
      reason: 'Line is larger than the limit of 1000 bytes (3008 bytes)',
    });
  });

  it('takes headers from the first valid line', async () => {
    const result = await readAll('oops\n{"x":1,"y":2}\n', { format: 'jsonl' });
    expect(result.headers).toEqual(['x', 'y']);
    expect(result.items.map((item) => item.kind)).toEqual(['error', 'record']);
  });

  it('rejects an empty file', async () => {
    await expect(readAll('\n\n', { format: 'jsonl' })).rejects.toThrow(/empty/);
  });
});

describe('readRecords: streaming', () => {
  it('counts the source bytes it has read', async () => {
    const text = 'a,b\n1,2\n3,4\n';
    const result = await csv(text, 2);
    expect(result.bytesRead).toBe(Buffer.byteLength(text));
  });

  it('pulls the source only as fast as items are consumed, and releases it on break', async () => {
    let pulled = 0;
    let released = false;
    async function* source(): AsyncGenerator<Buffer> {
      try {
        yield Buffer.from('id,text\n');
        for (let chunk = 0; chunk < 10_000; chunk++) {
          pulled++;
          yield Buffer.from(`${chunk},"${'lorem ipsum '.repeat(500)}"\n`);
        }
      } finally {
        released = true;
      }
    }
    const reader = readRecords(source(), { format: 'csv' });
    let seen = 0;
    for await (const item of reader) {
      expect(item.kind).toBe('record');
      if (++seen === 10) break;
    }
    expect(pulled).toBeLessThan(100);
    expect(released).toBe(true);
  });

  it('reads 100,000 generated rows with bounded memory', async () => {
    const result = await measureReader(100_000);
    expect(result.records).toBe(100_000);
    expect(result.errors).toBe(0);
    expect(result.peakRssBytes).toBeLessThan(500 * 1024 * 1024);
  });
});

describe('detectFormat', () => {
  const bytes = (text: string) => Buffer.from(text, 'utf8');

  it('goes by the file extension first', () => {
    expect(detectFormat('jobs.CSV', bytes('[1]'))).toBe('csv');
    expect(detectFormat('jobs.json', bytes(''))).toBe('json');
    expect(detectFormat('jobs.jsonl', bytes(''))).toBe('jsonl');
    expect(detectFormat('jobs.ndjson', bytes(''))).toBe('jsonl');
  });

  it('sniffs the content otherwise', () => {
    expect(detectFormat('upload', bytes('\uFEFF  [{"a":1}]'))).toBe('json');
    expect(detectFormat('upload.txt', bytes('{"a":1}\n{"a":2}'))).toBe('jsonl');
    expect(detectFormat('upload.txt', bytes('title;company\nDev;Acme'))).toBe('csv');
    expect(detectFormat('upload.txt', bytes('title\tcompany\n'))).toBe('csv');
    expect(detectFormat('notes.txt', bytes('just some words\nmore words'))).toBeNull();
    expect(detectFormat('book.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]))).toBeNull();
  });
});
