import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInputSafety, MAX_NESTING_DEPTH } from './input-safety.js';

describe('checkInputSafety', () => {
  it('names the field holding a NUL or another control character', () => {
    const problems = checkInputSafety({ email: 'a\u0000b@x.test', tags: ['ok', 'bell\u0007'] }, 'body');
    expect(problems.sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { field: 'body.email', message: 'contains the control character U+0000' },
      { field: 'body.tags.1', message: 'contains the control character U+0007' },
    ]);
  });

  it('keeps tab, line feed and carriage return', () => {
    expect(checkInputSafety({ text: 'line\r\nnext\tcolumn' }, 'body')).toEqual([]);
  });

  it('cleans free-text paths in place instead of refusing them', () => {
    const body = { session_id: 'x', jobs: [{ description: 'a\u0000b\u001bc', skills: ['Py\u0007thon'] }] };
    expect(checkInputSafety(body, 'body', { freeText: ['body.jobs'] })).toEqual([]);
    expect(body.jobs[0]).toEqual({ description: 'abc', skills: ['Python'] });
  });

  it('refuses nesting deeper than the limit without recursing', () => {
    let nested: unknown = 'bottom';
    for (let level = 0; level < 100_000; level += 1) nested = [nested];
    expect(checkInputSafety({ a: nested }, 'body')).toEqual([
      {
        field: `body.a${'.0'.repeat(MAX_NESTING_DEPTH - 1)}`,
        message: `is nested deeper than ${MAX_NESTING_DEPTH} levels`,
      },
    ]);
  });

  it('refuses arrays longer than the limit', () => {
    expect(
      checkInputSafety({ ids: Array.from({ length: 11 }, (_, i) => i) }, 'body', { maxArrayItems: 10 }),
    ).toEqual([{ field: 'body.ids', message: 'has more than 10 items' }]);
  });

  it('property: any value holding a control character somewhere is refused; without one it passes', () => {
    const text = fc.string({ unit: 'binary', maxLength: 8 });
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.integer(),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 4 }), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    const hasControl = (input: unknown): boolean =>
      typeof input === 'string'
        ? [...input].some((c) => {
            const code = c.charCodeAt(0);
            return (code < 32 && ![9, 10, 13].includes(code)) || code === 127;
          })
        : input !== null && typeof input === 'object'
          ? Object.entries(input).some(([key, child]) => hasControl(key) || hasControl(child))
          : false;
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 4 }), value, { maxKeys: 4 }), (body) => {
        expect(checkInputSafety(body, 'body').length > 0).toBe(hasControl(body));
      }),
      { seed: 16 },
    );
  });
});
