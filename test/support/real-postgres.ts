import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../src/db/database.js';
import { type Migration, migrate, readMigrations } from '../../src/db/migrator.js';
import { openPg } from '../../src/db/pg-database.js';

/**
 * A throwaway PostgreSQL server from the machine's own binaries (Debian's postgresql package), for tests
 * that need real concurrency: several connections, row locks, SKIP LOCKED. This machine's PostgreSQL has no
 * pgvector, so the schema is migrated without vector columns and indexes (they play no part in locking).
 */
export function findPostgresBinaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'pg_ctl')))
    .sort();
  const latest = versions.at(-1);
  return latest ? path.join(root, latest, 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The migrations with pgvector's parts left out. */
function withoutVector(migrations: Migration[]): Migration[] {
  return migrations.map((migration) => ({
    ...migration,
    statements: migration.statements
      .filter((statement) => !/CREATE EXTENSION IF NOT EXISTS vector|USING hnsw/i.test(statement))
      .map((statement) => statement.replace(/vector\(\d+\)/g, 'real[]')),
  }));
}

export async function startRealPostgres(options: { maxConnections?: number } = {}): Promise<{
  database: Database;
  url: string;
  stop(): Promise<void>;
}> {
  const bin = findPostgresBinaries();
  if (!bin) throw new Error('no PostgreSQL binaries on this machine');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobmatch-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  fs.chmodSync(dir, 0o700);
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin, tool), args, { stdio: 'pipe' });
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    data,
    '-w',
    '-l',
    path.join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=${options.maxConnections ?? 120}`,
    'start',
  ]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const database = await openPg(url, { poolSize: 60 });
  await migrate(database, withoutVector(readMigrations()));
  return {
    database,
    url,
    async stop() {
      await database.close();
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
