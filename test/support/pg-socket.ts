import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { Database } from '../../src/db/database.js';
import { openPg } from '../../src/db/pg-database.js';
import { createEmbeddedTestDatabase } from './database.js';

/**
 * A migrated PGlite served over the PostgreSQL wire protocol, and a `pg` pool connected to it:
 * the server code path (`DATABASE_URL`) exercised without a PostgreSQL server.
 */
export async function startPgOverSocket(): Promise<{
  database: Database;
  url: string;
  stop(): Promise<void>;
}> {
  const embedded = await createEmbeddedTestDatabase();
  const server = new PGLiteSocketServer({
    db: embedded.pglite,
    port: 0,
    host: '127.0.0.1',
    maxConnections: 20,
  });
  await server.start();
  const url = `postgres://postgres:postgres@${server.getServerConn()}/postgres`;
  const database = await openPg(url, { poolSize: 4 });
  return {
    database,
    url,
    async stop() {
      await database.close();
      await server.stop();
      await embedded.close();
    },
  };
}
