import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformAdmin } from '../../src/accounts/users.js';
import { readPassword } from '../../src/cli/admin.command.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('jobmatch admin create', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('reads the password from the first line of piped stdin', async () => {
    expect(await readPassword(Readable.from(['s3cret password long\r\nignored\n']), () => {})).toBe(
      's3cret password long',
    );
  });

  it('creates a platform admin without an agency and refuses short passwords and duplicates', async () => {
    const admin = await createPlatformAdmin(database, {
      email: 'ops@jobmatch.test',
      password: 'a very long password',
    });
    expect(admin).toMatchObject({ role: 'PM_ADMIN', tenant: null });
    await expect(
      createPlatformAdmin(database, { email: 'x@jobmatch.test', password: 'short' }),
    ).rejects.toThrow(/12/);
    await expect(
      createPlatformAdmin(database, { email: 'OPS@jobmatch.test', password: 'a very long password' }),
    ).rejects.toThrow(/already exists/);
  });
});
