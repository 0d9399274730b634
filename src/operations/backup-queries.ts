import { checkedRoleName, type SqlExecutor } from '../db/database.js';
import { AppError } from '../errors.js';

export async function serverMajorVersion(sql: SqlExecutor): Promise<number> {
  const { rows } = await sql.query<{ version: string }>(
    `SELECT current_setting('server_version_num') AS version`,
  );
  return Math.floor(Number(rows[0]!.version) / 10_000);
}

/** Why the database is not an empty target for a restore, or null: any table, view or sequence in it. */
export async function emptyDatabaseObstacle(sql: SqlExecutor): Promise<string | null> {
  const { rows } = await sql.query<{ relations: number; example: string | null }>(
    `SELECT count(*)::int AS relations, min(n.nspname || '.' || c.relname) AS example
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')
       AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`,
  );
  const { relations, example } = rows[0]!;
  return relations === 0
    ? null
    : `it is not empty (${relations} tables, views or sequences, e.g. ${example}): restore into a new database (createdb).`;
}

/** pgvector is not a trusted extension: only a superuser creates it, so a non-superuser needs it there first. */
export async function vectorObstacle(sql: SqlExecutor): Promise<string | null> {
  const { rows } = await sql.query<{ installed: boolean; superuser: boolean; available: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') AS installed,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') AS available`,
  );
  const { installed, superuser, available } = rows[0]!;
  if (installed) return null;
  if (!available)
    return 'the pgvector extension is not installed on the server (Debian: postgresql-15-pgvector).';
  if (!superuser)
    return 'the pgvector extension is not created in it and only a superuser may: run CREATE EXTENSION vector in it as a superuser first.';
  return null;
}

/**
 * The roles that this database's row-level-security policies and grants name (not PUBLIC, not an object's own
 * owner, not the built-in pg_* roles), as statements that create each one that is missing with the same
 * attributes (never SUPERUSER or REPLICATION, never a password) and the memberships among them. Roles are
 * cluster-wide, so pg_dump leaves them out, and the policies and grants in a dump fail to restore without them.
 */
export async function roleDefinitions(sql: SqlExecutor): Promise<string[]> {
  const { rows } = await sql.query<{ statement: string }>(
    `WITH named(oid) AS (
       SELECT unnest(polroles) FROM pg_policy
       UNION SELECT a.grantee FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
         aclexplode(c.relacl) a WHERE a.grantee <> c.relowner AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       UNION SELECT a.grantee FROM pg_attribute t JOIN pg_class c ON c.oid = t.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(t.attacl) a
         WHERE a.grantee <> c.relowner AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       UNION SELECT a.grantee FROM pg_namespace n, aclexplode(n.nspacl) a
         WHERE a.grantee <> n.nspowner AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       UNION SELECT a.grantee FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace,
         aclexplode(p.proacl) a WHERE a.grantee <> p.proowner AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       UNION SELECT a.grantee FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace,
         aclexplode(t.typacl) a WHERE a.grantee <> t.typowner AND n.nspname NOT IN ('pg_catalog', 'information_schema')
     ),
     carried AS (
       SELECT r.* FROM pg_roles r JOIN named ON named.oid = r.oid WHERE r.rolname NOT LIKE 'pg\\_%'
     )
     SELECT 1 AS step, rolname AS name, format('DO %L;', format(
       'BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = %L) THEN CREATE ROLE %I %s; END IF; END',
       rolname, rolname, concat_ws(' ',
         CASE WHEN rolcanlogin THEN 'LOGIN' ELSE 'NOLOGIN' END, 'NOSUPERUSER', 'NOREPLICATION',
         CASE WHEN rolinherit THEN 'INHERIT' ELSE 'NOINHERIT' END,
         CASE WHEN rolcreatedb THEN 'CREATEDB' ELSE 'NOCREATEDB' END,
         CASE WHEN rolcreaterole THEN 'CREATEROLE' ELSE 'NOCREATEROLE' END,
         CASE WHEN rolbypassrls THEN 'BYPASSRLS' ELSE 'NOBYPASSRLS' END,
         CASE WHEN rolconnlimit <> -1 THEN 'CONNECTION LIMIT ' || rolconnlimit END))) AS statement
     FROM carried
     UNION ALL
     SELECT 2, parent.rolname || ' ' || child.rolname, format('DO %L;', format(
       'BEGIN IF NOT pg_has_role(%L, %L, ''MEMBER'') THEN GRANT %I TO %I; END IF; END',
       child.rolname, parent.rolname, parent.rolname, child.rolname))
     FROM pg_auth_members m JOIN carried parent ON parent.oid = m.roleid JOIN carried child ON child.oid = m.member
     ORDER BY 1, 2`,
  );
  return rows.map((row) => row.statement);
}

/**
 * The application role that the policies and grants in a backup name (cluster-wide, so not in the dump),
 * and the restoring login's membership in it (tenant transactions switch to it): created as migrations 0004
 * and 0005 do, or a one-line instruction when this login may not.
 */
export async function ensureApplicationRole(sql: SqlExecutor, role: string): Promise<void> {
  const name = checkedRoleName(role)!;
  const { rows } = await sql.query<{ exists: boolean; member: boolean | null }>(
    `SELECT to_regrole($1) IS NOT NULL AS exists,
            CASE WHEN to_regrole($1) IS NULL THEN NULL ELSE pg_has_role(current_user, $1, 'MEMBER') END AS member`,
    [name],
  );
  const { exists, member } = rows[0]!;
  try {
    if (!exists) await sql.query(`CREATE ROLE ${name} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`);
    if (!member) await sql.query(`GRANT ${name} TO CURRENT_USER`);
  } catch (error) {
    throw new AppError(
      'unavailable',
      `${exists ? `This login is not a member of the role ${name}` : `The role ${name} does not exist`} and may not ` +
        `${exists ? 'grant it' : 'create it'} (${(error as Error).message}): as a superuser run ` +
        `${exists ? '' : `CREATE ROLE ${name} NOSUPERUSER NOBYPASSRLS; `}GRANT ${name} TO <this login>; then restore again.`,
      { cause: error },
    );
  }
}

/** Migration 0004's default privileges, for the login that now owns the schema (later tables get them too). */
export async function grantOwnerDefaultPrivileges(sql: SqlExecutor, role: string): Promise<void> {
  const name = checkedRoleName(role)!;
  await sql.query(
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${name}`,
  );
  await sql.query(
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${name}`,
  );
}

export interface TableContents {
  table: string;
  rows: number;
  /** md5 of every row's text form in a fixed order: equal contents, equal checksum. */
  checksum: string;
}

/** Every table of the application and the task queue with its row count and checksum (for restore drills). */
export async function tableCounts(sql: SqlExecutor): Promise<TableContents[]> {
  const { rows: tables } = await sql.query<{ name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
     ORDER BY 1`,
  );
  const contents: TableContents[] = [];
  for (const { name } of tables) {
    const { rows } = await sql.query<{ rows: number; checksum: string | null }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS checksum
       FROM ${name} t`,
    );
    contents.push({ table: name, rows: rows[0]!.rows, checksum: rows[0]!.checksum ?? '' });
  }
  return contents;
}
