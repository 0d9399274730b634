/**
 * One way to list: every list of the API searches with `q`, sorts with `sort` (and `order`) and pages with
 * `page`/`page_size`. A feature describes its list once ({@link ListSpec}: what `q` searches, the sort keys
 * and the column or field each sorts by); the route builds its query string from the same spec. Lists read
 * from a table page in SQL (`db/list-page.ts`); a short list computed whole pages with {@link pageOfItems}.
 */
export type SortOrder = 'asc' | 'desc';

export interface ListSpec<Sort extends string = string> {
  /** The columns (or fields) `q` searches, case-insensitively, as a substring of any of them. */
  search: readonly [string, ...string[]];
  /** Sort keys: the column (or field) each sorts by, and its natural order. */
  sort: Readonly<Record<Sort, { column: string; order: SortOrder }>>;
  /** The sort key when none is given. */
  defaultSort: Sort;
  /** A unique column, the last sort key, so pages never overlap (default `id`). */
  tiebreak?: string;
}

export interface ListQuery<Sort extends string = string> {
  q?: string | undefined;
  sort?: Sort | undefined;
  order?: SortOrder | undefined;
  limit: number;
  offset: number;
}

type Sortable = string | number | boolean | Date | null | undefined;

const compare = (a: Sortable, b: Sortable): number => {
  // Missing values last, whatever the order (as SQL's NULLS LAST).
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  if (typeof x === 'string' && typeof y === 'string')
    return x.localeCompare(y, 'en', { sensitivity: 'base' });
  return x < y ? -1 : x > y ? 1 : 0;
};

/** The page of `items` that `query` asks for, searched and sorted as `spec` says, with the matching total. */
export function pageOfItems<Item extends object, Sort extends string>(
  items: readonly Item[],
  spec: ListSpec<Sort>,
  query: ListQuery<Sort>,
): { items: Item[]; total: number } {
  const field = (item: Item, name: string) => (item as Record<string, unknown>)[name] as Sortable;
  const q = query.q?.trim().toLowerCase();
  const found = q
    ? items.filter((item) =>
        spec.search.some((name) =>
          String(field(item, name) ?? '')
            .toLowerCase()
            .includes(q),
        ),
      )
    : [...items];
  const sort = spec.sort[query.sort ?? spec.defaultSort];
  const direction = (query.order ?? sort.order) === 'desc' ? -1 : 1;
  const tiebreak = spec.tiebreak ?? 'id';
  const value = (item: Item, name: string) => field(item, name);
  found.sort((a, b) => {
    const first = compare(value(a, sort.column), value(b, sort.column));
    const missing = value(a, sort.column) == null || value(b, sort.column) == null;
    return (
      (missing ? first : first * direction) || compare(value(a, tiebreak), value(b, tiebreak)) * direction
    );
  });
  return { items: found.slice(query.offset, query.offset + query.limit), total: found.length };
}
