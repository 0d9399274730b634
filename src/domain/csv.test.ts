import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine, escapeCsvCell } from './csv.js';

describe('escapeCsvCell', () => {
  it('neutralizes formula triggers', () => {
    expect(escapeCsvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(escapeCsvCell('+1 555')).toBe("'+1 555");
    expect(escapeCsvCell('-2')).toBe("'-2");
    expect(escapeCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeCsvCell('\tcmd')).toBe("'\tcmd");
    expect(escapeCsvCell('\rcmd')).toBe(`"'\rcmd"`);
  });

  it('quotes as RFC 4180 requires', () => {
    expect(escapeCsvCell('plain')).toBe('plain');
    expect(escapeCsvCell('a,b')).toBe('"a,b"');
    expect(escapeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('writes numbers, booleans and missing values', () => {
    expect(escapeCsvCell(-3)).toBe('-3');
    expect(escapeCsvCell(true)).toBe('true');
    expect(escapeCsvCell(null)).toBe('');
    expect(escapeCsvCell(undefined)).toBe('');
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });

  it('never leaves a cell that starts with a trigger, and round-trips through quoting', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const cell = escapeCsvCell(value);
        const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
        expect(['=', '+', '-', '@', '\t', '\r']).not.toContain(unquoted.charAt(0));
        expect([value, `'${value}`]).toContain(unquoted);
      }),
    );
  });
});
