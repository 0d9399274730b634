import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/http/app.js';
import { createTestUser, loginAs } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { silentLogger } from '../support/logger.js';
import { createScraperKey } from '../support/scraper-fixtures.js';

describe('scraper key rotation with an overlap period', () => {
  let database: TestDatabase;
  let app: App;
  let admin: Record<string, string>;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({ database, logger: silentLogger, webRoot: false });
    admin = (await loginAs(app, (await createTestUser(database, { role: 'PM_ADMIN', tenantId: null })).email))
      .headers;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const works = async (secret: string) =>
    (
      await app.inject({
        method: 'GET',
        url: '/api/scraper/job-schema',
        headers: { authorization: `Bearer ${secret}` },
      })
    ).statusCode === 200;
  const rotate = (id: number, overlapMinutes: number) =>
    app.inject({
      method: 'POST',
      url: `/api/admin/scraper-keys/${id}/rotate`,
      headers: admin,
      payload: { overlap_minutes: overlapMinutes },
    });

  it('both keys work during the overlap; after it only the new one', async () => {
    const old = await createScraperKey(database, 'rotating');
    const rotated = await rotate(old.key.id, 30);
    expect(rotated.statusCode).toBe(201);
    const { key, secret, previous_key } = rotated.json();
    expect(key.name).toBe('rotating');
    expect(previous_key).toMatchObject({ id: old.key.id, is_active: true });
    expect(new Date(previous_key.revoked_at).getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    expect(await works(old.secret)).toBe(true);
    expect(await works(secret)).toBe(true);
    expect((await rotate(old.key.id, 30)).statusCode).toBe(409);

    await database.sql.query(
      `UPDATE scraper_api_keys SET revoked_at = now() - interval '1 second' WHERE id = $1`,
      [old.key.id],
    );
    expect(await works(old.secret)).toBe(false);
    expect(await works(secret)).toBe(true);
    expect((await rotate(old.key.id, 30)).statusCode).toBe(404);
  });

  it('an overlap of zero revokes the old key at once; revoking during an overlap ends it now', async () => {
    const immediate = await createScraperKey(database, 'immediate');
    expect((await rotate(immediate.key.id, 0)).statusCode).toBe(201);
    expect(await works(immediate.secret)).toBe(false);

    const early = await createScraperKey(database, 'early');
    expect((await rotate(early.key.id, 60)).statusCode).toBe(201);
    const revoked = await app.inject({
      method: 'POST',
      url: `/api/admin/scraper-keys/${early.key.id}/revoke`,
      headers: admin,
    });
    expect(revoked.json()).toMatchObject({ already_revoked: false, key: { is_active: false } });
    expect(await works(early.secret)).toBe(false);
  });
});
