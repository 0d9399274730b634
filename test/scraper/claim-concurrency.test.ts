import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { claimNextRole } from '../../src/scraper/claim-next-role.js';
import { createServerDatabase, testServerUrl } from '../support/pg-server.js';
import { startPgOverSocket } from '../support/pg-socket.js';
import { createScraperKey, seedRoles } from '../support/scraper-fixtures.js';

/**
 * 50 scrapers claim at once against 20 pending roles: 20 distinct claims, 30 empty answers. On a real
 * PostgreSQL server the claims run on 50 connections at the same time; `FOR UPDATE SKIP LOCKED` is what keeps
 * two of them from taking one role.
 */
const engines = [
  {
    name: testServerUrl
      ? 'a PostgreSQL server with pgvector (real concurrency)'
      : 'a PostgreSQL server (skipped: JOBMATCH_TEST_DATABASE_URL not set)',
    available: testServerUrl !== undefined,
    start: async () => {
      const server = await createServerDatabase('claim_concurrency', { poolSize: 60 });
      return { database: server.database, stop: server.drop };
    },
  },
  { name: 'pg over the wire to PGlite', available: true, start: startPgOverSocket },
];

for (const engine of engines) {
  describe.runIf(engine.available)(`concurrent claims on ${engine.name}`, () => {
    let database: Database;
    let stop: () => Promise<void>;
    beforeAll(async () => {
      ({ database, stop } = await engine.start());
    }, 120_000);
    afterAll(() => stop());

    it('50 claims at once against 20 roles: 20 distinct roles, 30 empty', async () => {
      await seedRoles(
        database,
        Array.from({ length: 20 }, (_, index) => ({
          name: `Concurrent Role ${index}`,
          candidates: 1 + (index % 4),
        })),
      );
      const keys = await Promise.all(
        Array.from({ length: 5 }, (_, index) => createScraperKey(database, `racer-${index}`)),
      );
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          database.transaction((tx) => claimNextRole(tx, keys[index % keys.length]!.key)),
        ),
      );
      const claimed = results.filter((result) => result !== null);
      expect(claimed).toHaveLength(20);
      expect(results.filter((result) => result === null)).toHaveLength(30);
      expect(new Set(claimed.map((result) => result!.role.id)).size).toBe(20);
      expect(new Set(claimed.map((result) => result!.session_id)).size).toBe(20);
      const { rows } = await database.sql.query<{ processing: number; sessions: number }>(
        `SELECT (SELECT count(*)::int FROM global_roles WHERE queue_status = 'processing') AS processing,
                (SELECT count(*)::int FROM scrape_sessions WHERE status = 'in_progress') AS sessions`,
      );
      expect(rows[0]).toEqual({ processing: 20, sessions: 20 });
    }, 60_000);
  });
}
