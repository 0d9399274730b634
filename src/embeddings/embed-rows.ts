/**
 * Keeps stored vectors in step with the configured provider: rows without a vector, or with a vector from
 * another model, are embedded in batches (one provider call and one set-based UPDATE per batch). A provider
 * failure stops the run and leaves the remaining rows as they were, so the next run picks them up.
 */
import type { DatabaseEngine, SqlExecutor } from '../db/database.js';
import type { EmbeddingProvider } from './embedding-provider.js';
import {
  countCurrentEmbeddings,
  countRowsToEmbed,
  countVectors,
  dropVectorIndex,
  embeddingCountsByModel,
  ensureVectorIndex,
  rowsToEmbedAfter,
  updateEmbeddings,
} from './embedding-queries.js';
import { candidateEmbeddingText, jobEmbeddingText, roleEmbeddingText } from './embedding-text.js';
import { toFloat4ArrayBinary } from './vector-math.js';

export const EMBEDDED_TABLES = ['job_postings', 'candidates', 'global_roles'] as const;
export type EmbeddedTable = (typeof EMBEDDED_TABLES)[number];

interface TableSpec {
  columns: string;
  /** Rows worth a vector: expired or closed postings are never matched, so they are not embedded. */
  eligible: string;
  text(row: Record<string, unknown>): string;
}

const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const asStrings = (value: unknown): string[] | null =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : null;

const TABLES: Record<EmbeddedTable, TableSpec> = {
  job_postings: {
    columns: 'title, skills, requirements, description',
    eligible: `status = 'active'`,
    text: (row) =>
      jobEmbeddingText({
        title: asString(row.title),
        skills: asStrings(row.skills),
        requirements: asString(row.requirements),
        description: asString(row.description),
      }),
  },
  candidates: {
    columns: 'current_title, professional_summary, skills, preferred_roles',
    eligible: 'true',
    text: (row) =>
      candidateEmbeddingText({
        current_title: asString(row.current_title),
        professional_summary: asString(row.professional_summary),
        skills: asStrings(row.skills),
        preferred_roles: asStrings(row.preferred_roles),
      }),
  },
  global_roles: {
    columns: 'name, aliases',
    eligible: 'true',
    text: (row) => roleEmbeddingText({ name: asString(row.name) ?? '', aliases: asStrings(row.aliases) }),
  },
};

/** The text embedded for one row of a table (exported for tests and for writers that embed inline). */
export function embeddingTextFor(table: EmbeddedTable, row: Record<string, unknown>): string {
  return TABLES[table].text(row);
}

/** Stores vectors for the given ids in one statement, sent as one binary float4 array. */
export async function writeEmbeddings(
  sql: SqlExecutor,
  table: EmbeddedTable,
  ids: readonly number[],
  vectors: readonly Float32Array[],
  modelId: string,
): Promise<number> {
  if (ids.length !== vectors.length) throw new RangeError('one vector per id expected');
  if (ids.length === 0) return 0;
  return updateEmbeddings(sql, table, ids, toFloat4ArrayBinary(vectors), vectors[0]!.length, modelId);
}

export interface EmbedMissingOptions {
  table: EmbeddedTable;
  /** Only these rows (e.g. the jobs an import just wrote). */
  ids?: readonly number[];
  /** Rows per provider call; defaults to the provider's own batch limit, at most 256. */
  batchSize?: number;
  /** Stop after this many rows (a background run takes a bounded bite). */
  maxRows?: number;
  /** Stop before starting a batch after this instant (ms since epoch). */
  deadline?: number;
  now?: () => number;
  onBatch?: (progress: { embedded: number; remaining: number }) => void;
  /**
   * A load of at least this many rows (default BULK_INDEX_ROWS), and no fewer than the table's stored vectors,
   * drops the table's HNSW index and builds it after the load: one build is several times cheaper than
   * inserting each vector into the graph. Never with a deadline (a bounded bite would rebuild every time).
   */
  rebuildIndexFrom?: number;
}

/** See EmbedMissingOptions.rebuildIndexFrom; measured in docs/decisions/import-performance.md. */
export const BULK_INDEX_ROWS = 2000;

export interface EmbedMissingResult {
  table: EmbeddedTable;
  embedded: number;
  /** Rows still without a vector of the current model when the run ended. */
  remaining: number;
  /** Set when the provider failed: the run stopped and the rows stay for a later run. */
  error?: string;
}

/** Embeds the rows of `table` that have no vector of `provider.modelId`; safe to interrupt and re-run. */
export async function embedMissing(
  database: { sql: SqlExecutor; engine?: DatabaseEngine; insideTransaction?: boolean },
  provider: EmbeddingProvider,
  options: EmbedMissingOptions,
): Promise<EmbedMissingResult> {
  const spec = TABLES[options.table];
  const batchSize = Math.max(1, options.batchSize ?? Math.min(provider.maxBatchSize, 256));
  const now = options.now ?? Date.now;
  const rowsToEmbed = {
    table: options.table,
    eligible: spec.eligible,
    modelId: provider.modelId,
    ids: options.ids,
  };
  const countRemaining = () => countRowsToEmbed(database.sql, rowsToEmbed);
  let remaining = await countRemaining();
  let embedded = 0;
  let lastId = 0;
  let error: string | undefined;
  const bulk = await isBulkLoad(database, options, remaining);
  if (bulk) await dropVectorIndex(database.sql, options.table, database.engine === 'pg');
  try {
    while (remaining > 0) {
      if (options.maxRows !== undefined && embedded >= options.maxRows) break;
      if (options.deadline !== undefined && now() >= options.deadline) break;
      const limit =
        options.maxRows === undefined ? batchSize : Math.min(batchSize, options.maxRows - embedded);
      const rows = await rowsToEmbedAfter(database.sql, rowsToEmbed, spec.columns, lastId, limit);
      if (rows.length === 0) break;
      lastId = rows[rows.length - 1]!.id;
      let vectors: Float32Array[];
      try {
        vectors = await provider.embed(
          rows.map((row) => spec.text(row)),
          'document',
        );
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
        break;
      }
      const written = await writeEmbeddings(
        database.sql,
        options.table,
        rows.map((row) => row.id),
        vectors,
        provider.modelId,
      );
      embedded += written;
      remaining = Math.max(0, remaining - written);
      options.onBatch?.({ embedded, remaining });
    }
  } finally {
    if (bulk) await ensureVectorIndex(database.sql, options.table, database.engine === 'pg');
  }
  remaining = await countRemaining();
  return { table: options.table, embedded, remaining, ...(error === undefined ? {} : { error }) };
}

async function isBulkLoad(
  database: { sql: SqlExecutor; engine?: DatabaseEngine; insideTransaction?: boolean },
  options: EmbedMissingOptions,
  remaining: number,
): Promise<boolean> {
  // Dropping and rebuilding the index needs its own transactions (CONCURRENTLY on a server).
  if (database.engine === undefined || database.insideTransaction || options.deadline !== undefined)
    return false;
  const load = Math.min(remaining, options.maxRows ?? remaining);
  if (load < (options.rebuildIndexFrom ?? BULK_INDEX_ROWS)) return false;
  return load >= (await countVectors(database.sql, options.table));
}

/** Builds a table's HNSW index if a bulk load was interrupted before rebuilding it (see rebuildIndexFrom). */
export function repairVectorIndex(
  database: { sql: SqlExecutor; engine: DatabaseEngine },
  table: EmbeddedTable,
): Promise<void> {
  return ensureVectorIndex(database.sql, table, database.engine === 'pg');
}

export interface TableEmbeddingStatus {
  table: EmbeddedTable;
  /** Rows that should have a vector (active postings, every candidate and role). */
  eligible: number;
  /** Eligible rows with a vector of the current model. */
  current: number;
  /** Eligible rows without any vector. */
  missing: number;
  /** Rows with a vector, counted per model (stale models included). */
  byModel: Record<string, number>;
}

export async function embeddingStatus(
  database: { sql: SqlExecutor },
  currentModelId: string,
): Promise<TableEmbeddingStatus[]> {
  const statuses: TableEmbeddingStatus[] = [];
  for (const table of EMBEDDED_TABLES) {
    const rows = await embeddingCountsByModel(database.sql, table, TABLES[table].eligible);
    const status: TableEmbeddingStatus = { table, eligible: 0, current: 0, missing: 0, byModel: {} };
    for (const row of rows) {
      status.eligible += row.eligible;
      status.missing += row.missing;
      if (row.model !== null && row.with_vector > 0) status.byModel[row.model] = row.with_vector;
    }
    status.current = await countCurrentEmbeddings(
      database.sql,
      table,
      TABLES[table].eligible,
      currentModelId,
    );
    statuses.push(status);
  }
  return statuses;
}
