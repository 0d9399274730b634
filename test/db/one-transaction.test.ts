import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOneTransaction } from '../../src/db/one-transaction.js';
import { withTenant } from '../../src/db/with-tenant.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('inOneTransaction', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  const slugs = async () =>
    (await database.sql.query<{ slug: string }>(`SELECT slug FROM tenants ORDER BY slug`)).rows.map(
      (row) => row.slug,
    );

  it('nests transactions as savepoints: a failed one alone is undone, a tenant one gives back role and tenant', async () => {
    await inOneTransaction(database, async (db) => {
      const id = await db.transaction(async (tx) => {
        const { rows } = await tx.sql.query<{ id: number }>(
          `INSERT INTO tenants (name, slug) VALUES ('Kept', 'kept') RETURNING id`,
        );
        return rows[0]!.id;
      });
      await expect(
        db.transaction(async (tx) => {
          await tx.sql.query(`INSERT INTO tenants (name, slug) VALUES ('Undone', 'undone')`);
          throw new Error('part fails');
        }),
      ).rejects.toThrow('part fails');
      const seen = await withTenant(db, id, async (tx) => {
        const { rows } = await tx.sql.query<{ tenant: string }>(
          `SELECT current_setting('jobmatch.tenant_id') AS tenant`,
        );
        return rows[0]!.tenant;
      });
      expect(seen).toBe(String(id));
      const after = await db.sql.query<{ role: string; tenant: string | null }>(
        `SELECT current_setting('role') AS role, NULLIF(current_setting('jobmatch.tenant_id', true), '') AS tenant`,
      );
      expect(after.rows[0]).toEqual({ role: 'none', tenant: null });
    });
    expect(await slugs()).toEqual(['kept']);
  });

  it('rolls everything back when the whole fails', async () => {
    await expect(
      inOneTransaction(database, async (db) => {
        await db.transaction((tx) =>
          tx.sql.query(`INSERT INTO tenants (name, slug) VALUES ('Gone', 'gone')`),
        );
        throw new Error('late failure');
      }),
    ).rejects.toThrow('late failure');
    expect(await slugs()).toEqual(['kept']);
  });
});
