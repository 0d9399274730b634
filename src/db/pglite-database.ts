import fs from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { drizzle } from 'drizzle-orm/pglite';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import type { Database, DbContext, Drizzle, SqlExecutor } from './database.js';
import { checkedRoleName, DEFAULT_TENANT_ROLE, rawTypeParsers } from './database.js';
import { hostPgliteSocket, type SocketHost } from './pglite-socket-host.js';

type PgliteClient = PGlite | Transaction;

/** PostgreSQL's type OID of `real[]`. */
const FLOAT4_ARRAY_OID = 1021;

/** PostgreSQL's type OID of `bytea`. */
const BYTEA_OID = 17;

/**
 * bytea arrives as hex text (`\x...`, the default output form, which PGlite's own parser assumes as well). Decoded
 * natively into a Buffer, as node-postgres returns bytea: PGlite's parser runs parseInt per byte, which made
 * reading vectors in binary form (`vector_send`, 3 KB per 768-d vector) slower than parsing their text.
 */
const hexBytea = (value: string) => Buffer.from(value.slice(2), 'hex');

/**
 * A byte-array parameter travels in binary format, as node-postgres sends a Buffer: PGlite binds any
 * ArrayBuffer view as binary once its type's serializer lets it through (done here for `real[]`, which carries
 * vectors; other types keep their text serializers).
 */
function serializersFor(pglite: PGlite, params: readonly unknown[]) {
  if (!params.some((param) => ArrayBuffer.isView(param))) return undefined;
  const text = pglite.serializers[FLOAT4_ARRAY_OID];
  const float4Array = (value: unknown) =>
    ArrayBuffer.isView(value) ? (value as unknown as string) : text ? text(value) : String(value);
  return { serializers: { [FLOAT4_ARRAY_OID]: float4Array } };
}

function executorFor(client: PgliteClient, pglite: PGlite): SqlExecutor {
  return {
    async query<T>(text: string, params: readonly unknown[] = []) {
      const result = await client.query<T>(text, params as unknown[], serializersFor(pglite, params));
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
  };
}

function contextFor(client: PgliteClient, pglite: PGlite): DbContext {
  return {
    db: drizzle({ client: client as PGlite }) as unknown as Drizzle,
    sql: executorFor(client, pglite),
  };
}

export interface PgliteOptions {
  /** A directory to persist into; omitted for an in-memory database. */
  dataDir?: string;
  /** A `dumpDataDir()` tarball to start from (tests start from a migrated template). */
  loadDataDir?: Blob;
  /** Connect as this role (non-superusers are subject to row-level security). */
  username?: string;
  /** The role tenant transactions switch to; `null` disables the switch. Default: jobmatch_app. */
  tenantRole?: string | null;
  /** The data dir's lock, when the caller took it already. */
  lock?: DataDirLock;
  /** Serve the data dir to other local processes on a Unix socket beside it (default with a data dir). */
  shareOverSocket?: boolean;
  /**
   * A CLI command, which opens the database for a second or two, not a server: tuned to start with less CPU
   * (see `startTunedForShortRun`). Default false.
   */
  shortLived?: boolean;
}

/** V8's default budget (roughly bytes executed) before it optimizes a WebAssembly function. */
const DEFAULT_WASM_TIERING_BUDGET = 1_800_000;

/**
 * Start-up work a short run never pays back, which made a CLI command's CPU time exceed its wall time:
 * - V8 optimizes PGlite's hot WebAssembly functions on background threads as soon as they have run a little;
 *   a hundredfold budget leaves that to code that runs long enough to gain from it (a long import still does).
 *   The flag is process-wide and applies to modules compiled after it is set: PGlite's, compiled on create.
 * - PostgreSQL's default 128 MB of shared buffers cost about a fifth of PGlite's start; 64 MB do not, and hold
 *   what a command touches.
 * Measured with `npm run bench:cli` (docs in README, Operations).
 */
function startTunedForShortRun(): string[] {
  v8.setFlagsFromString(`--wasm-tiering-budget=${DEFAULT_WASM_TIERING_BUDGET * 100}`);
  return [...PGlite.defaultStartParams, '-c', 'shared_buffers=64MB'];
}

export async function openPglite(options: PgliteOptions = {}): Promise<Database & { pglite: PGlite }> {
  let lock: DataDirLock | undefined = options.lock;
  if (options.dataDir && !lock) {
    await fs.mkdir(path.dirname(options.dataDir), { recursive: true });
    lock = await acquireDataDirLock(options.dataDir);
  }
  let pglite: PGlite | undefined;
  let socketHost: SocketHost | undefined;
  try {
    pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      ...(options.username ? { username: options.username } : {}),
      ...(options.shortLived ? { startParams: startTunedForShortRun() } : {}),
      extensions: { vector },
      parsers: { ...rawTypeParsers, [BYTEA_OID]: hexBytea },
    });
    // Sharing is a convenience: without it (e.g. a socket path too long for the OS) other processes are refused.
    if (options.dataDir && options.shareOverSocket !== false)
      socketHost = await hostPgliteSocket(pglite, options.dataDir).catch(() => undefined);
  } catch (error) {
    await pglite?.close().catch(() => undefined);
    await lock?.release();
    throw error;
  }
  const opened = pglite;
  const root = contextFor(opened, opened);
  return {
    engine: 'pglite',
    location: options.dataDir ?? 'memory',
    tenantRole: checkedRoleName(options.tenantRole === undefined ? DEFAULT_TENANT_ROLE : options.tenantRole),
    pglite: opened,
    ...root,
    async exec(text) {
      const results = await opened.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    transaction: (fn) =>
      opened.transaction((tx) => fn({ ...contextFor(tx, opened), exec: (text) => tx.exec(text) })),
    async listen(channel, onNotify) {
      const unlisten = await opened.listen(channel, onNotify);
      return async () => {
        if (!opened.closed) await unlisten();
      };
    },
    async close() {
      await socketHost?.stop();
      if (!opened.closed) await opened.close();
      await lock?.release();
    },
  };
}
