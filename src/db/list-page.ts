import type { ListQuery, ListSpec } from '../domain/list.js';
import type { SqlExecutor } from './database.js';

/**
 * One way to list, in SQL: {@link listPage} runs a feature's query as a subquery and applies the list's `q`,
 * `sort`/`order` and page to it, so the feature's own SQL stays as it is (`domain/list.ts` describes lists;
 * its `pageOfItems` does the same for the few lists computed whole in memory).
 */
export type { ListQuery, ListSpec, SortOrder } from '../domain/list.js';

/** A `q` as an ILIKE pattern matching it anywhere, its wildcards taken literally. */
export const containsPattern = (text: string) => `%${text.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

const COLUMN = /^[a-z_][a-z0-9_]*$/;

/**
 * The page of `select` (text and parameters, `$1`...; no ORDER BY or LIMIT of its own) that `query` asks for,
 * with the number of rows matching `q` in all.
 */
export async function listPage<Row extends object, Sort extends string>(
  sql: SqlExecutor,
  select: { text: string; params: readonly unknown[] },
  spec: ListSpec<Sort>,
  query: ListQuery<Sort>,
): Promise<{ items: Row[]; total: number }> {
  const key = query.sort ?? spec.defaultSort;
  const sort = spec.sort[key];
  const tiebreak = spec.tiebreak ?? 'id';
  for (const column of [...spec.search, sort.column, tiebreak])
    if (!COLUMN.test(column)) throw new Error(`not a column name: ${column}`);
  const order = (query.order ?? sort.order) === 'desc' ? 'DESC' : 'ASC';
  const params = [...select.params];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const q = query.q?.trim();
  const pattern = q ? param(containsPattern(q)) : '';
  const where = q
    ? `WHERE ${spec.search.map((column) => `listed.${column}::text ILIKE ${pattern}`).join(' OR ')}`
    : '';
  const { rows } = await sql.query<Row & { list_total: number }>(
    `SELECT listed.*, count(*) OVER () AS list_total FROM (${select.text}) AS listed ${where}
      ORDER BY listed.${sort.column} ${order} NULLS LAST, listed.${tiebreak} ${order}
      LIMIT ${param(query.limit)} OFFSET ${param(query.offset)}`,
    params,
  );
  return {
    items: rows.map(({ list_total: _total, ...row }) => row as unknown as Row),
    total: Number(rows[0]?.list_total ?? 0),
  };
}
