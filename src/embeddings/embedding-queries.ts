import type { SqlExecutor } from '../db/database.js';
import type { EmbeddedTable } from './embed-rows.js';

/** Rows of `table` that are eligible (`eligible`: a condition) and have no vector of `modelId`, optionally only `ids`. */
export interface RowsToEmbed {
  table: EmbeddedTable;
  eligible: string;
  modelId: string;
  ids?: readonly number[] | undefined;
}

/**
 * Stores vectors for the given ids in one statement; how many rows changed. `vectors` holds the ids' vectors
 * one after another as a binary `real[]` (toFloat4ArrayBinary), `dimensions` numbers each.
 */
export async function updateEmbeddings(
  sql: SqlExecutor,
  table: EmbeddedTable,
  ids: readonly number[],
  vectors: Uint8Array,
  dimensions: number,
  modelId: string,
): Promise<number> {
  const result = await sql.query(
    `UPDATE ${table} AS t
     SET embedding = ($2::real[])[(v.n - 1) * $4::int + 1 : v.n * $4::int]::vector, embedding_model = $3
     FROM unnest($1::int[]) WITH ORDINALITY AS v(id, n)
     WHERE t.id = v.id`,
    [ids, vectors, modelId, dimensions],
  );
  return result.rowCount;
}

// `$1` is the model; the id filter, when given, is the query's last parameter.
const pending = (rows: RowsToEmbed, idsParameter: number) =>
  `(${rows.eligible}) AND (embedding IS NULL OR embedding_model IS DISTINCT FROM $1)` +
  (rows.ids ? ` AND id = ANY($${idsParameter}::int[])` : '');
const idsOf = (rows: RowsToEmbed) => (rows.ids ? [[...rows.ids]] : []);

export async function countRowsToEmbed(sql: SqlExecutor, rows: RowsToEmbed): Promise<number> {
  const result = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${rows.table} WHERE ${pending(rows, 2)}`,
    [rows.modelId, ...idsOf(rows)],
  );
  return result.rows[0]?.n ?? 0;
}

/** The next `limit` rows to embed after id `afterId`, in id order, with the `columns` their text is built from. */
export async function rowsToEmbedAfter(
  sql: SqlExecutor,
  rows: RowsToEmbed,
  columns: string,
  afterId: number,
  limit: number,
): Promise<(Record<string, unknown> & { id: number })[]> {
  const result = await sql.query<Record<string, unknown> & { id: number }>(
    `SELECT id, ${columns} FROM ${rows.table}
     WHERE ${pending(rows, 4)} AND id > $2 ORDER BY id LIMIT $3`,
    [rows.modelId, afterId, limit, ...idsOf(rows)],
  );
  return result.rows;
}

/** Per stored model (null: no vector): eligible rows, rows with a vector, eligible rows without one. */
export async function embeddingCountsByModel(
  sql: SqlExecutor,
  table: EmbeddedTable,
  eligible: string,
): Promise<{ model: string | null; eligible: number; with_vector: number; missing: number }[]> {
  const { rows } = await sql.query<{
    model: string | null;
    eligible: number;
    with_vector: number;
    missing: number;
  }>(
    `SELECT embedding_model AS model,
            count(*) FILTER (WHERE ${eligible})::int AS eligible,
            count(*) FILTER (WHERE embedding IS NOT NULL)::int AS with_vector,
            count(*) FILTER (WHERE embedding IS NULL AND ${eligible})::int AS missing
     FROM ${table} GROUP BY embedding_model ORDER BY embedding_model NULLS FIRST`,
  );
  return rows;
}

/** Eligible rows with a vector of `modelId`. */
export async function countCurrentEmbeddings(
  sql: SqlExecutor,
  table: EmbeddedTable,
  eligible: string,
  modelId: string,
): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table}
     WHERE ${eligible} AND embedding IS NOT NULL AND embedding_model = $1`,
    [modelId],
  );
  return rows[0]?.n ?? 0;
}

/** The HNSW index of a table's vectors (migration 0001 names them so). */
const vectorIndexName = (table: EmbeddedTable) => `idx_${table}_embedding`;

/** Rows of `table` holding a vector of any model: what an index rebuild has to read. */
export async function countVectors(sql: SqlExecutor, table: EmbeddedTable): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE embedding IS NOT NULL`,
  );
  return rows[0]?.n ?? 0;
}

/**
 * Drops the HNSW index before a bulk load. On a server `CONCURRENTLY` waits for running queries and
 * blocks none; readers meanwhile get exact scans (slower, same results). PGlite serves one statement at a
 * time, so a plain DROP blocks nobody.
 */
export async function dropVectorIndex(
  sql: SqlExecutor,
  table: EmbeddedTable,
  server: boolean,
): Promise<void> {
  await sql.query(`DROP INDEX ${server ? 'CONCURRENTLY ' : ''}IF EXISTS ${vectorIndexName(table)}`);
}

/**
 * Builds the HNSW index when it is missing (after a bulk load, or a load interrupted before its rebuild).
 * On a server a build left invalid by a failure is dropped and redone unless a build is still running;
 * `CONCURRENTLY` keeps reads and writes going during the build.
 */
export async function ensureVectorIndex(
  sql: SqlExecutor,
  table: EmbeddedTable,
  server: boolean,
): Promise<void> {
  const name = vectorIndexName(table);
  if (server) {
    const { rows } = await sql.query<{ valid: boolean; building: boolean }>(
      `SELECT i.indisvalid AS valid,
              EXISTS (SELECT 1 FROM pg_stat_progress_create_index p WHERE p.index_relid = i.indexrelid) AS building
       FROM pg_index i WHERE i.indexrelid = to_regclass($1)`,
      [name],
    );
    const existing = rows[0];
    if (existing?.valid || existing?.building) return;
    if (existing) await sql.query(`DROP INDEX CONCURRENTLY IF EXISTS ${name}`);
  }
  await sql.query(
    `CREATE INDEX ${server ? 'CONCURRENTLY ' : ''}IF NOT EXISTS ${name} ON ${table} USING hnsw (embedding vector_cosine_ops)`,
  );
}
