import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOrderOf, learnDateOrder, newDateOrderEvidence, parsePostedDate } from './posted-date.js';

describe('learning a file’s day/month order', () => {
  it.each([
    ['17/12/2024', 'dmy'],
    ['12/17/2024', 'mdy'],
    ['17.12.24', 'dmy'],
    ['05/06/2024', null],
    ['13/13/2024', null],
    ['2024-12-17', null],
    ['3 days ago', null],
  ])('%s shows %s', (text, order) => expect(dateOrderOf(text)).toBe(order));

  it('keeps the first order shown, and ambiguous dates then follow it', () => {
    const evidence = newDateOrderEvidence();
    expect(learnDateOrder('05/06/2024', evidence)).toBe(false);
    expect(learnDateOrder('25/06/2024', evidence)).toBe(true);
    expect(learnDateOrder('06/25/2024', evidence)).toBe(true);
    expect(evidence.order).toBe('dmy');
    expect(parsePostedDate('05/06/2024', { evidence })).toBe('2024-06-05');
  });

  it('reads every date of a day-first file day first once a row has shown it, whatever came before', () => {
    fc.assert(
      fc.property(
        fc.array(fc.date({ min: new Date('1995-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), {
          minLength: 1,
          maxLength: 20,
        }),
        (dates) => {
          const evidence = newDateOrderEvidence();
          const written = dates.map(
            (date) => `${date.getUTCDate()}/${date.getUTCMonth() + 1}/${date.getUTCFullYear()}`,
          );
          written.push('25/12/2024');
          for (const text of written) if (learnDateOrder(text, evidence)) break;
          expect(evidence.order).toBe('dmy');
          written.forEach((text, index) => {
            const expected = index < dates.length ? dates[index]!.toISOString().slice(0, 10) : '2024-12-25';
            expect(parsePostedDate(text, { evidence })).toBe(expected);
          });
        },
      ),
    );
  });
});
