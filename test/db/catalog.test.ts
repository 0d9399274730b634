import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { readSpecDdl, type SpecColumn } from '../support/spec-ddl.js';

/**
 * Reads the live catalog and checks it against the DDL in ../shared/spec/data-model.md.
 * The deviations below are the ones recorded in docs/decisions.md; anything else must match.
 */
const spec = readSpecDdl();

/** Spec type → what PostgreSQL's format_type() reports for our column. */
function expectedType(column: SpecColumn): string {
  const type = column.type;
  if (type === 'SERIAL' || type === 'INTEGER') return 'integer';
  if (type === 'TIMESTAMP') return 'timestamp with time zone'; // deviation: timestamptz
  if (type === 'TEXT') return 'text';
  if (type === 'TEXT[]') return 'text[]';
  if (type === 'BOOLEAN') return 'boolean';
  if (type === 'UUID') return 'uuid';
  if (type === 'DATE') return 'date';
  const varchar = /^VARCHAR\((\d+)\)(\[\])?$/.exec(type);
  if (varchar) return `character varying(${varchar[1]})${varchar[2] ?? ''}`;
  const decimal = /^DECIMAL\((\d+),(\d+)\)$/.exec(type);
  if (decimal) return `numeric(${decimal[1]},${decimal[2]})`;
  const vector = /^VECTOR\((\d+)\)$/.exec(type);
  if (vector) return `vector(${vector[1]})`;
  throw new Error(`unknown spec type ${type}`);
}

/** Columns whose NOT NULL the spec has and we drop on purpose (docs/decisions.md). */
const NULLABLE_DEVIATIONS = new Set(['global_roles.embedding']);
/** Spec indexes dropped on purpose: redundant with others (docs/decisions/match-performance.md, migration 0024). */
const DROPPED_INDEXES = new Set([
  'idx_candidate_job_matches_candidate',
  'idx_candidate_job_matches_score',
  'idx_candidate_job_matches_status',
]);
/** Spec IVFFlat indexes are HNSW here (docs/decisions.md). */
const METHOD_DEVIATIONS: Record<string, string> = { ivfflat: 'hnsw' };

interface LiveColumn {
  table_name: string;
  column_name: string;
  type: string;
  not_null: boolean;
  default_expr: string | null;
}

describe('database catalog matches the data-model spec', () => {
  let database: TestDatabase;
  let columns: Map<string, LiveColumn>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { rows } = await database.sql.query<LiveColumn>(`
      SELECT c.relname AS table_name, a.attname AS column_name,
             format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
             pg_get_expr(d.adbin, d.adrelid) AS default_expr
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`);
    columns = new Map(rows.map((row) => [`${row.table_name}.${row.column_name}`, row]));
  });
  afterAll(() => database.close());

  it('parses the whole spec', () => {
    expect(spec.tables.sort()).toEqual(
      [
        'candidate_global_roles',
        'candidate_job_matches',
        'candidates',
        'global_roles',
        'job_applications',
        'job_import_batches',
        'job_postings',
        'role_job_mapping',
        'scrape_sessions',
        'scraper_api_keys',
      ].sort(),
    );
    expect(spec.columns.length).toBeGreaterThan(120);
    expect(spec.indexes.length).toBeGreaterThan(30);
  });

  it('has every spec table and the tenants and users tables it refers to', async () => {
    const { rows } = await database.sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    const live = rows.map((row) => row.table_name);
    for (const table of [...spec.tables, 'tenants', 'users']) expect(live).toContain(table);
  });

  it.each(spec.columns.map((column) => [`${column.table}.${column.name}`, column] as const))(
    'column %s has the spec type, nullability and default',
    (key, column) => {
      const live = columns.get(key);
      expect(live, `${key} missing`).toBeDefined();
      expect(live!.type).toBe(expectedType(column));
      const mustBeNotNull = (column.notNull || column.primaryKey) && !NULLABLE_DEVIATIONS.has(key);
      expect(live!.not_null).toBe(mustBeNotNull);
      if (column.type === 'SERIAL') expect(live!.default_expr).toMatch(/^nextval\(/);
      else if (column.default === null) expect(live!.default_expr).toBeNull();
      else {
        const expected = column.default.toLowerCase() === 'now()' ? 'now()' : column.default.toLowerCase();
        expect(
          live!.default_expr?.toLowerCase().startsWith(expected),
          `${key} default ${live!.default_expr}`,
        ).toBe(true);
      }
    },
  );

  it('has every spec foreign key with its ON DELETE rule', async () => {
    const { rows } = await database.sql.query<{ source: string; target: string; on_delete: string }>(`
      SELECT src.relname || '.' || sa.attname AS source, tgt.relname || '.' || ta.attname AS target,
             CASE con.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'r' THEN 'RESTRICT'
                  ELSE 'NO ACTION' END AS on_delete
      FROM pg_constraint con
      JOIN pg_class src ON src.oid = con.conrelid
      JOIN pg_class tgt ON tgt.oid = con.confrelid
      JOIN pg_attribute sa ON sa.attrelid = con.conrelid AND sa.attnum = con.conkey[1]
      JOIN pg_attribute ta ON ta.attrelid = con.confrelid AND ta.attnum = con.confkey[1]
      WHERE con.contype = 'f'`);
    const live = new Map(rows.map((row) => [row.source, row]));
    const referencing = spec.columns.filter((column) => column.references);
    expect(referencing.length).toBeGreaterThanOrEqual(15);
    for (const column of referencing) {
      const fk = live.get(`${column.table}.${column.name}`);
      expect(fk, `FK ${column.table}.${column.name}`).toBeDefined();
      expect(fk!.target).toBe(`${column.references!.table}.${column.references!.column}`);
      expect(fk!.on_delete, `${column.table}.${column.name}`).toBe(column.references!.onDelete);
    }
  });

  it('has every UNIQUE column constraint of the spec', async () => {
    const { rows } = await database.sql.query<{ key: string }>(`
      SELECT c.relname || '.' || a.attname AS key
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
      WHERE i.indisunique AND i.indnatts = 1`);
    const live = new Set(rows.map((row) => row.key));
    for (const column of spec.columns.filter((c) => c.unique))
      expect(live).toContain(`${column.table}.${column.name}`);
  });

  it('has every spec index with its method, uniqueness and columns', async () => {
    const { rows } = await database.sql.query<{ indexname: string; tablename: string; indexdef: string }>(
      `SELECT indexname, tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'`,
    );
    const live = new Map(rows.map((row) => [row.indexname, row]));
    for (const index of spec.indexes) {
      const found = live.get(index.name);
      if (DROPPED_INDEXES.has(index.name)) {
        expect(found, `index ${index.name} (dropped)`).toBeUndefined();
        continue;
      }
      expect(found, `index ${index.name}`).toBeDefined();
      expect(found!.tablename).toBe(index.table);
      const method = METHOD_DEVIATIONS[index.method] ?? index.method;
      expect(found!.indexdef).toContain(`USING ${method} (`);
      expect(found!.indexdef.startsWith('CREATE UNIQUE INDEX')).toBe(index.unique);
      const liveColumns = /\((.*)\)/
        .exec(found!.indexdef)![1]!
        .replaceAll('"', '')
        .replace(' NULLS LAST', '');
      expect(liveColumns.toLowerCase(), index.name).toBe(index.columns.toLowerCase());
    }
  });

  it('uses HNSW with cosine distance for every vector column', async () => {
    const { rows } = await database.sql.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE '%vector_cosine_ops%'`,
    );
    expect(rows.map((row) => row.indexdef.includes('USING hnsw'))).toEqual([true, true, true]);
  });

  it('rejects status and priority values the spec does not document', async () => {
    await database.sql.query(`INSERT INTO global_roles (name) VALUES ('Check Role')`);
    await expect(
      database.sql.query(`UPDATE global_roles SET queue_status = 'bogus' WHERE name = 'Check Role'`),
    ).rejects.toThrow(/check constraint/);
    await expect(
      database.sql.query(`UPDATE global_roles SET priority = 'someday' WHERE name = 'Check Role'`),
    ).rejects.toThrow(/check constraint/);
    await expect(
      database.sql.query(`INSERT INTO job_postings (platform, title, status) VALUES ('x', 'y', 'archived')`),
    ).rejects.toThrow(/check constraint/);
  });
});
