import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import type { Config } from '../config/config.js';
import { tryAcquireDataDirLock } from '../db/data-dir-lock.js';
import type { SqlExecutor } from '../db/database.js';
import { describePostgresUrl, openPg } from '../db/pg-database.js';
import { embeddedSnapshotSocketPath, snapshotDataDir } from '../db/pglite-socket-host.js';
import { AppError } from '../errors.js';
import {
  emptyDatabaseObstacle,
  ensureApplicationRole,
  grantOwnerDefaultPrivileges,
  roleDefinitions,
  serverMajorVersion,
  vectorObstacle,
} from './backup-queries.js';

const run = promisify(execFile);

/**
 * What a backup file holds: PGlite's data-dir tarball (gzip), or a server backup: the roles header (SQL creating
 * the roles the dump's policies and grants name) followed by a pg_dump custom-format archive.
 */
export type BackupKind = 'embedded' | 'server';

/**
 * A server backup starts with this header: SQL comments and one statement a line that create the roles the
 * dump's policies and grants name (cluster-wide, so not in the dump), then the pg_dump archive from byte N on.
 * An operator can run it by hand: `head -c N FILE | psql`.
 */
const ROLES_HEADER_PREFIX = '-- jobmatch server backup 1: ';
const ROLES_HEADER_SIZE = /^-- jobmatch server backup 1: (\d{10})/;

export interface BackupResult {
  kind: BackupKind;
  file: string;
  bytes: number;
}

type EmbeddedConfig = Extract<Config['database'], { engine: 'pglite' }>;
type ServerConfig = Extract<Config['database'], { engine: 'pg' }>;

/** Takes a consistent snapshot of the configured database into `file`, while other processes use it. */
export async function backupDatabase(database: Config['database'], file: string): Promise<BackupResult> {
  const target = path.resolve(file);
  await fs.mkdir(path.dirname(target), { recursive: true });
  if (database.engine === 'pg') await dumpServer(database, target);
  else await fs.writeFile(target, Buffer.from(await (await embeddedSnapshot(database)).arrayBuffer()));
  const { size } = await fs.stat(target);
  return { kind: database.engine === 'pg' ? 'server' : 'embedded', file: target, bytes: size };
}

/** Brings a backup into the configured database, which must be empty (a fresh data dir or database). */
export async function restoreDatabase(database: Config['database'], file: string): Promise<BackupKind> {
  const source = path.resolve(file);
  const kind = await backupKind(source);
  const wanted: BackupKind = database.engine === 'pg' ? 'server' : 'embedded';
  if (kind !== wanted)
    throw new AppError(
      'bad_request',
      kind === 'embedded'
        ? `${file} is a backup of an embedded database: restore it without DATABASE_URL, into an empty JOBMATCH_DATA_DIR.`
        : `${file} is a backup of a PostgreSQL server database: restore it with DATABASE_URL set to an empty database.`,
    );
  if (database.engine === 'pg') await restoreServer(database, source);
  else await restoreEmbedded(database, source);
  return kind;
}

async function backupKind(file: string): Promise<BackupKind> {
  const handle = await fs.open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new AppError('bad_request', `Cannot read the backup ${file} (${error.code}).`);
  });
  try {
    const head = Buffer.alloc(ROLES_HEADER_PREFIX.length);
    await handle.read(head, 0, head.length, 0);
    const text = head.toString('latin1');
    if (text.startsWith('PGDMP') || text === ROLES_HEADER_PREFIX) return 'server';
    if (head[0] === 0x1f && head[1] === 0x8b) return 'embedded';
  } finally {
    await handle.close();
  }
  throw new AppError(
    'bad_request',
    `${file} is not a Jobmatch backup (neither a pg_dump archive nor a data-dir tarball).`,
  );
}

// ---------- embedded ----------

/**
 * The data dir as of one moment. A process holding it (`jobmatch serve`) takes the snapshot itself and
 * hands it over its snapshot socket; otherwise this process opens the data dir and takes it.
 */
async function embeddedSnapshot(database: EmbeddedConfig): Promise<Blob> {
  const claim = await tryAcquireDataDirLock(database.dataDir);
  if ('holder' in claim) return snapshotFromHolder(database.dataDir, claim.holder);
  try {
    if (!(await exists(path.join(database.dataDir, 'PG_VERSION'))))
      throw new AppError('not_found', `There is no embedded database at ${database.dataDir} to back up.`);
    const pglite = await PGlite.create({ dataDir: database.dataDir, extensions: { vector } });
    try {
      return await snapshotDataDir(pglite);
    } finally {
      await pglite.close();
    }
  } finally {
    await claim.lock.release();
  }
}

function snapshotFromHolder(dataDir: string, holder: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      { socketPath: embeddedSnapshotSocketPath(dataDir), path: '/data-dir' },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          if (response.statusCode === 200) resolve(new Blob([body]));
          else
            reject(
              new AppError(
                'unavailable',
                `The process holding ${dataDir} (pid ${holder}) could not take a snapshot: ${body}`,
              ),
            );
        });
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new AppError(
          'unavailable',
          `The embedded database at ${dataDir} is held by pid ${holder}, which does not serve snapshots (${error.code}): ` +
            'upgrade or stop it, then run the backup again.',
          { cause: error },
        ),
      ),
    );
  });
}

async function restoreEmbedded(database: EmbeddedConfig, file: string): Promise<void> {
  await fs.mkdir(path.dirname(database.dataDir), { recursive: true });
  const claim = await tryAcquireDataDirLock(database.dataDir);
  if ('holder' in claim)
    throw new AppError(
      'conflict',
      `The embedded database at ${database.dataDir} is in use by pid ${claim.holder}: stop it, and restore into an empty data dir.`,
    );
  try {
    const entries = await fs.readdir(database.dataDir).catch(() => []);
    if (entries.length > 0)
      throw new AppError(
        'conflict',
        `${database.dataDir} is not empty: restore into a fresh JOBMATCH_DATA_DIR (or move the old data dir away first).`,
      );
    const pglite = await PGlite.create({
      dataDir: database.dataDir,
      loadDataDir: new Blob([await fs.readFile(file)]),
      extensions: { vector },
    });
    await pglite.close();
  } finally {
    await claim.lock.release();
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

// ---------- server ----------

/** libpq's environment for a URL, so that no password appears on a command line. */
function libpqTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

async function postgresTool(tool: 'pg_dump' | 'pg_restore', args: string[], env: NodeJS.ProcessEnv) {
  try {
    return await run(tool, args, { env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT')
      throw new AppError(
        'unavailable',
        `${tool} is not installed: install the PostgreSQL client tools of the server's version (Debian: postgresql-client).`,
      );
    const detail = (failure.stderr ?? failure.message).trim().split('\n').slice(0, 5).join(' | ');
    throw new AppError('unavailable', `${tool} failed: ${detail}`, { cause: error });
  }
}

async function toolMajorVersion(tool: 'pg_dump' | 'pg_restore'): Promise<number> {
  const { stdout } = await postgresTool(tool, ['--version'], process.env);
  const major = Number(/(\d+)(?:\.\d+)?/.exec(stdout)?.[1]);
  if (!Number.isInteger(major))
    throw new AppError('unavailable', `Cannot read the version of ${tool}: ${stdout}`);
  return major;
}

/** pg_dump refuses a newer server, and an older pg_restore cannot read a newer archive: say so before. */
async function assertToolMatches(
  tool: 'pg_dump' | 'pg_restore',
  url: string,
  location: string,
): Promise<void> {
  const database = await openPg(url, { poolSize: 1, tenantRole: null });
  const server = await serverMajorVersion(database.sql).finally(() => database.close());
  const client = await toolMajorVersion(tool);
  if (client < server)
    throw new AppError(
      'unavailable',
      `${tool} is version ${client} but the server at ${location} runs PostgreSQL ${server}: install postgresql-client-${server} and put it first on PATH.`,
    );
}

function rolesHeader(statements: string[]): Buffer {
  const body = [
    'then a pg_dump custom-format archive.',
    '-- The roles that the row-level-security policies and grants of the database name, created when missing',
    '-- (roles are cluster-wide, so pg_dump leaves them out; no passwords: set one with ALTER ROLE for a login).',
    ...statements,
    '-- end of roles',
    '',
  ].join('\n');
  const line = (size: number) =>
    `${ROLES_HEADER_PREFIX}${String(size).padStart(10, '0')}-byte roles header, `;
  const size = Buffer.byteLength(line(0) + body);
  return Buffer.from(line(size) + body);
}

/** The statements of a server backup's roles header and where its archive starts; null for a bare pg_dump archive. */
async function readRolesHeader(file: string): Promise<{ statements: string[]; archiveStart: number } | null> {
  const handle = await fs.open(file, 'r');
  try {
    const first = Buffer.alloc(ROLES_HEADER_PREFIX.length + 10);
    await handle.read(first, 0, first.length, 0);
    const size = ROLES_HEADER_SIZE.exec(first.toString('latin1'))?.[1];
    if (!size) return null;
    const header = Buffer.alloc(Number(size));
    await handle.read(header, 0, header.length, 0);
    const statements = header
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('--'));
    return { statements, archiveStart: header.length };
  } finally {
    await handle.close();
  }
}

/**
 * pg_dump's one repeatable-read snapshot of the whole database (the task-queue schema included), in the custom
 * format, after the roles header. The roles are read right after the dump: a role that policies or grants in
 * the snapshot name cannot be dropped meanwhile without revoking them first.
 */
async function dumpServer(database: ServerConfig, file: string): Promise<void> {
  const { dbname, env } = libpqTarget(database.url);
  await assertToolMatches('pg_dump', database.url, describePostgresUrl(database.url));
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'jobmatch-backup-'));
  try {
    const archive = path.join(scratch, 'database.pgdump');
    await postgresTool('pg_dump', ['--format=custom', '--file', archive, '--dbname', dbname], env);
    const source = await openPg(database.url, { poolSize: 1, tenantRole: null });
    const statements = await roleDefinitions(source.sql).finally(() => source.close());
    // Written beside FILE and renamed at the end: FILE is a whole backup or is not there.
    const partial = `${file}.partial`;
    try {
      await fs.writeFile(partial, rolesHeader(statements));
      await pipeline(createReadStream(archive), createWriteStream(partial, { flags: 'a' }));
      await fs.rename(partial, file);
    } catch (error) {
      await fs.rm(partial, { force: true });
      throw error;
    }
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

/** Creates the roles a backup's header names, or says in one line what a superuser must run instead. */
async function createBackupRoles(sql: SqlExecutor, statements: string[], file: string, headerBytes: number) {
  for (const statement of statements) {
    try {
      await sql.query(statement);
    } catch (error) {
      throw new AppError(
        'unavailable',
        `The backup's policies and grants name roles this login may not create (${(error as Error).message}): ` +
          `give it CREATEROLE, or as a superuser run \`head -c ${headerBytes} ${file} | psql <database>\`, then restore again.`,
        { cause: error },
      );
    }
  }
}

/**
 * Archive entries a restore under another owner leaves out: the original owner's default privileges (they name
 * that owner, re-granted below for the restoring one) and the extension's comment (only its owner may set it).
 */
const ENTRIES_LEFT_OUT = [/ DEFAULT ACL /, / COMMENT - EXTENSION /];

async function restoreServer(database: ServerConfig, file: string): Promise<void> {
  const location = describePostgresUrl(database.url);
  await assertToolMatches('pg_restore', database.url, location);
  const target = await openPg(database.url, { poolSize: 1, tenantRole: null });
  try {
    const obstacle = (await emptyDatabaseObstacle(target.sql)) ?? (await vectorObstacle(target.sql));
    if (obstacle) throw new AppError('conflict', `Cannot restore into ${location}: ${obstacle}`);
  } catch (error) {
    await target.close();
    throw error;
  }
  const { dbname, env } = libpqTarget(database.url);
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'jobmatch-restore-'));
  try {
    const header = await readRolesHeader(file);
    let archive = file;
    if (header) {
      // The roles first: the policies and grants in the archive name them.
      await createBackupRoles(target.sql, header.statements, file, header.archiveStart);
      archive = path.join(scratch, 'database.pgdump');
      await pipeline(createReadStream(file, { start: header.archiveStart }), createWriteStream(archive));
    }
    // A bare pg_dump archive carries no roles: the tenant role is created as migration 0004 does.
    if (database.tenantRole) await ensureApplicationRole(target.sql, database.tenantRole);
    const { stdout: contents } = await postgresTool('pg_restore', ['--list', archive], env);
    const list = path.join(scratch, 'entries.list');
    await fs.writeFile(
      list,
      contents
        .split('\n')
        .filter((line) => !ENTRIES_LEFT_OUT.some((pattern) => pattern.test(line)))
        .join('\n'),
    );
    await postgresTool(
      'pg_restore',
      [
        '--no-owner',
        '--single-transaction',
        '--exit-on-error',
        '--use-list',
        list,
        '--dbname',
        dbname,
        archive,
      ],
      env,
    );
    if (database.tenantRole) await grantOwnerDefaultPrivileges(target.sql, database.tenantRole);
  } finally {
    await target.close();
    await fs.rm(scratch, { recursive: true, force: true });
  }
}
