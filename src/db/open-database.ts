import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { AppError } from '../errors.js';
import { dataDirInUse, tryAcquireDataDirLock } from './data-dir-lock.js';
import type { Database } from './database.js';
import { EMBEDDED_SOCKET_PORT, embeddedSocketDir, embeddedSocketPath } from './pglite-socket-host.js';

/** How long a process waits for a data dir's holder to open its socket (it opens PGlite first). */
const HOLDER_SOCKET_WAIT_MS = 15_000;

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** Connects through the socket of the process holding the embedded data dir. */
async function openThroughHolder(config: Extract<Config['database'], { engine: 'pglite' }>, holder: number) {
  const socketPath = embeddedSocketPath(config.dataDir);
  const deadline = Date.now() + HOLDER_SOCKET_WAIT_MS;
  while (!(await exists(socketPath))) {
    if (Date.now() > deadline) throw dataDirInUse(config.dataDir, holder);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { openPg } = await import('./pg-database.js');
  const url = `postgres://postgres@localhost:${EMBEDDED_SOCKET_PORT}/postgres?host=${encodeURIComponent(embeddedSocketDir(config.dataDir))}`;
  // PGlite runs one statement at a time: more connections would only queue.
  return openPg(url, { poolSize: 4, tenantRole: config.tenantRole, embeddedDataDir: config.dataDir });
}

/**
 * Opens the configured database. An embedded data dir is opened by one process, which serves it to the
 * others on a socket beside it; with `share`, a process finding it held connects through that socket
 * (every CLI command while `jobmatch serve` runs), without, it is refused (a second `serve`). `shortLived`: a
 * command, not a server (see `PgliteOptions`).
 */
export async function openDatabase(
  config: Config['database'],
  options: { share?: boolean; shortLived?: boolean } = {},
): Promise<Database> {
  // Each engine's driver is loaded only when it is used: a command alone on the embedded data dir never needs
  // `pg`, one going through the holder's socket never needs PGlite.
  if (config.engine === 'pg') {
    const { openPg } = await import('./pg-database.js');
    return openPg(config.url, { poolSize: config.poolSize, tenantRole: config.tenantRole });
  }
  await fs.mkdir(path.dirname(config.dataDir), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new AppError(
      'unavailable',
      `Cannot create the data dir ${path.dirname(config.dataDir)} (${error.code}): fix its permissions or set JOBMATCH_DATA_DIR.`,
      { cause: error },
    );
  });
  const claim = await tryAcquireDataDirLock(config.dataDir);
  if ('holder' in claim) {
    if (!options.share) throw dataDirInUse(config.dataDir, claim.holder);
    return openThroughHolder(config, claim.holder);
  }
  const { openPglite } = await import('./pglite-database.js');
  return openPglite({
    dataDir: config.dataDir,
    tenantRole: config.tenantRole,
    lock: claim.lock,
    shortLived: options.shortLived ?? false,
  });
}
