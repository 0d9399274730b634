import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ListSpec, pageOfItems } from './list.js';

const spec = {
  search: ['name', 'email'],
  sort: { name: { column: 'name', order: 'asc' }, score: { column: 'score', order: 'desc' } },
  defaultSort: 'name',
} as const satisfies ListSpec;

const item = fc.record({
  id: fc.integer({ min: 1, max: 1_000_000 }),
  name: fc.string({ maxLength: 8 }),
  email: fc.string({ maxLength: 8 }),
  score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
});
const items = fc.uniqueArray(item, { selector: (row) => row.id, maxLength: 40 });

describe('pageOfItems', () => {
  it('searches name and email case-insensitively', () => {
    const rows = [
      { id: 1, name: 'Ada Lovelace', email: 'ada@x.test', score: 1 },
      { id: 2, name: 'Grace Hopper', email: 'grace@x.test', score: 2 },
    ];
    expect(pageOfItems(rows, spec, { q: 'HOPP', limit: 10, offset: 0 }).items.map((r) => r.id)).toEqual([2]);
    expect(pageOfItems(rows, spec, { q: 'ada@', limit: 10, offset: 0 }).total).toBe(1);
  });

  it('sorts by the key in its natural order, missing values last, and the other way round on request', () => {
    const rows = [
      { id: 1, name: 'b', email: '', score: 5 },
      { id: 2, name: 'a', email: '', score: null },
      { id: 3, name: 'c', email: '', score: 9 },
    ];
    const ids = (query: Parameters<typeof pageOfItems<(typeof rows)[number], 'name' | 'score'>>[2]) =>
      pageOfItems(rows, spec, query).items.map((r) => r.id);
    expect(ids({ limit: 10, offset: 0 })).toEqual([2, 1, 3]);
    expect(ids({ sort: 'score', limit: 10, offset: 0 })).toEqual([3, 1, 2]);
    expect(ids({ sort: 'score', order: 'asc', limit: 10, offset: 0 })).toEqual([1, 3, 2]);
  });

  it('pages cover the matching items exactly once, in order, and count them all', () => {
    fc.assert(
      fc.property(
        items,
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom<'name' | 'score'>('name', 'score'),
        fc.constantFrom<'asc' | 'desc' | undefined>('asc', 'desc', undefined),
        fc.string({ maxLength: 2 }),
        (rows, size, sort, order, q) => {
          const all = pageOfItems(rows, spec, { q, sort, order, limit: 1_000, offset: 0 });
          const pages = [];
          for (let offset = 0; offset < all.total; offset += size)
            pages.push(...pageOfItems(rows, spec, { q, sort, order, limit: size, offset }).items);
          expect(pages).toEqual(all.items);
          expect(new Set(pages.map((r) => r.id)).size).toBe(all.total);
          const needle = q.trim().toLowerCase();
          expect(all.total).toBe(
            rows.filter((r) => !needle || `${r.name}\u0000${r.email}`.toLowerCase().includes(needle)).length,
          );
        },
      ),
    );
  });
});
