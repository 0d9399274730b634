import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** The port number in the socket's name: `pg` connects to `<dir>/.s.PGSQL.<port>` for `host=<dir>`. */
export const EMBEDDED_SOCKET_PORT = 5432;

/** Where the process holding an embedded data dir listens: beside the data dir, in JOBMATCH_DATA_DIR. */
export function embeddedSocketDir(dataDir: string): string {
  return path.dirname(path.resolve(dataDir));
}

export function embeddedSocketPath(dataDir: string): string {
  return path.join(embeddedSocketDir(dataDir), `.s.PGSQL.${EMBEDDED_SOCKET_PORT}`);
}

/** Where the holder answers `GET /data-dir` with a consistent snapshot of the data dir (`jobmatch backup`). */
export function embeddedSnapshotSocketPath(dataDir: string): string {
  return path.join(embeddedSocketDir(dataDir), '.s.jobmatch-snapshot');
}

/**
 * A gzipped tarball of the data dir as of one moment: taken under the transaction mutex (no in-process or
 * socket client is inside a transaction) after a checkpoint, so it opens without recovery.
 */
export function snapshotDataDir(pglite: PGlite): Promise<Blob> {
  return pglite._runExclusiveTransaction(async () => {
    await pglite.runExclusive(() => pglite.execProtocolRaw(simpleQueryMessage('CHECKPOINT')));
    return pglite.dumpDataDir('gzip');
  });
}

/** Extended-protocol messages after which the client's statement is still in flight (until its Sync). */
const MID_STATEMENT = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((char) => char.charCodeAt(0)));

/**
 * PGlite is one PostgreSQL session. Its in-process callers (queries and transactions of the holding process)
 * take its transaction mutex; socket messages, as pglite-socket sends them, only the query mutex. This view
 * of PGlite gives socket clients the transaction mutex too, held from a client's first message until it is
 * at rest (after Sync or a simple query, outside a transaction block), so that neither side's statements or
 * transactions interleave with the other's. `isInTransaction` reports whether a socket client holds it,
 * which makes pglite-socket's queue serve that client alone meanwhile.
 */
function gatedForSocketClients(pglite: PGlite): PGlite {
  let release: (() => void) | null = null;
  let lastMessageType = 0;
  const acquire = () =>
    new Promise<void>((acquired) => {
      void pglite._runExclusiveTransaction(
        () =>
          new Promise<void>((done) => {
            release = done;
            acquired();
          }),
      );
    });
  const releaseWhenAtRest = () => {
    if (!release || pglite.isInTransaction() || MID_STATEMENT.has(lastMessageType)) return;
    const done = release;
    release = null;
    done();
  };
  const gated = {
    isInTransaction: () => release !== null,
    async runExclusive<T>(fn: () => Promise<T>): Promise<T> {
      if (!release) await acquire();
      try {
        return await pglite.runExclusive(fn);
      } finally {
        releaseWhenAtRest();
      }
    },
    execProtocolRawStream(message: Uint8Array, options: Parameters<PGlite['execProtocolRawStream']>[1]) {
      lastMessageType = message[0] ?? 0;
      return pglite.execProtocolRawStream(message, options);
    },
    /** pglite-socket's only use: rolling back for a client that disconnected mid-transaction. */
    async exec(text: string) {
      if (!release) return pglite.exec(text);
      const done = release;
      try {
        return await pglite.runExclusive(async () => {
          await pglite.execProtocolRaw(simpleQueryMessage(text));
          return [];
        });
      } finally {
        release = null;
        lastMessageType = 0;
        done();
      }
    },
  };
  return new Proxy(pglite, {
    get(target, property) {
      if (Object.hasOwn(gated, property)) return gated[property as keyof typeof gated];
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function simpleQueryMessage(text: string): Uint8Array {
  const body = Buffer.from(`${text}\0`, 'utf8');
  const message = Buffer.alloc(5 + body.length);
  message.write('Q', 0, 'ascii');
  message.writeInt32BE(4 + body.length, 1);
  body.copy(message, 5);
  return message;
}

/** Serves `snapshotDataDir` to local processes over HTTP on a Unix socket beside the data dir (mode 0600). */
async function hostSnapshotSocket(pglite: PGlite, dataDir: string): Promise<http.Server> {
  const socketPath = embeddedSnapshotSocketPath(dataDir);
  await fs.rm(socketPath, { force: true });
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/data-dir') {
      response.writeHead(404).end();
      return;
    }
    snapshotDataDir(pglite).then(
      async (snapshot) => {
        response.writeHead(200, { 'content-type': 'application/gzip', 'content-length': snapshot.size });
        response.end(Buffer.from(await snapshot.arrayBuffer()));
      },
      (error: Error) => response.writeHead(500, { 'content-type': 'text/plain' }).end(error.message),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, resolve);
  });
  await fs.chmod(socketPath, 0o600);
  return server;
}

export interface SocketHost {
  readonly socketPath: string;
  /** Stops accepting clients, waits up to `graceMs` for connected ones to finish, then closes them. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Serves the embedded database to other local processes over the PostgreSQL wire protocol on a Unix
 * socket beside the data dir (the CLI connects to it with `pg` while `jobmatch serve` runs). The caller holds
 * the data dir's lock, so a socket file already there is a dead holder's.
 */
export async function hostPgliteSocket(pglite: PGlite, dataDir: string): Promise<SocketHost> {
  const socketPath = embeddedSocketPath(dataDir);
  await fs.rm(socketPath, { force: true });
  const server = new PGLiteSocketServer({
    db: gatedForSocketClients(pglite),
    path: socketPath,
    maxConnections: 100,
  });
  await server.start();
  await fs.chmod(socketPath, 0o600);
  const snapshots = await hostSnapshotSocket(pglite, dataDir);
  let stopping: Promise<void> | undefined;
  return {
    socketPath,
    stop(graceMs = 10_000) {
      stopping ??= (async () => {
        // Without the socket file no new client reaches this server; connected ones may finish.
        await fs.rm(socketPath, { force: true });
        await fs.rm(embeddedSnapshotSocketPath(dataDir), { force: true });
        await new Promise((resolve) => snapshots.close(resolve));
        const deadline = Date.now() + graceMs;
        while (server.getStats().activeConnections > 0 && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 50));
        await server.stop();
      })();
      return stopping;
    },
  };
}
