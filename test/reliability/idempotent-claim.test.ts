import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';
import { createScraperKey, seedRoles } from '../support/scraper-fixtures.js';

describe('idempotent claim', () => {
  let database: TestDatabase;
  let app: App;
  let scraper: Record<string, string>;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({ database, logger: silentLogger, webRoot: false });
    await seedRoles(database, [
      { name: 'Claim Role A', candidates: 3 },
      { name: 'Claim Role B', candidates: 2 },
    ]);
    scraper = { authorization: `Bearer ${(await createScraperKey(database)).secret}` };
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const claim = (idempotencyKey?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/scraper/queue/claim',
      headers: { ...scraper, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
    });

  it('a retried claim with the same Idempotency-Key returns the same session and takes no second role', async () => {
    const first = await claim('attempt-1');
    const retry = await claim('attempt-1');
    expect(first.statusCode).toBe(200);
    expect(retry.json().session_id).toBe(first.json().session_id);
    expect(retry.json().role.id).toBe(first.json().role.id);
    const { rows } = await database.sql.query<{ processing: number }>(
      `SELECT count(*)::int AS processing FROM global_roles WHERE queue_status = 'processing'`,
    );
    expect(rows[0]!.processing).toBe(1);
    const other = await claim('attempt-2');
    expect(other.json().role.id).not.toBe(first.json().role.id);
    expect((await claim('attempt-3')).statusCode).toBe(204);
    expect((await claim('attempt-1')).json().session_id).toBe(first.json().session_id);
  });
});
