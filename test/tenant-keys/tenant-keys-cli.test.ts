import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrator.js';
import { openPglite } from '../../src/db/pglite-database.js';
import { isWellFormedApiKey } from '../../src/domain/api-key.js';
import { createTenantWithUsers } from '../support/auth.js';
import { runCliOn } from '../support/cli.js';

describe('jobmatch keys --tenant', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobmatch-tenant-keys-'));
    const database = await openPglite({ dataDir: path.join(dir, 'pglite') });
    await migrate(database);
    await createTenantWithUsers(database, 'Key Agency');
    await database.close();
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  const run = (...argv: string[]) => runCliOn(dir, 'keys', ...argv);

  it("creates, lists and revokes an agency's scoped keys, apart from the scraper keys", async () => {
    const created = JSON.parse(
      (await run('create', 'ATS sync', '--tenant', 'key-agency', '--scope', 'write', '--json')).out,
    );
    expect(isWellFormedApiKey(created.key, 'tenant')).toBe(true);
    await run('create', 'crawler');
    const table = await run('list', '--tenant', 'key-agency');
    expect(table.out).toMatch(/ID\s+NAME\s+SCOPE\s+STATUS/);
    expect(table.out).toMatch(/ATS sync\s+write\s+active/);
    expect(table.out).not.toContain('crawler');
    expect((await run('list')).out).not.toContain('ATS sync');
    expect((await run('revoke', String(created.id))).code).toBe(1);
    expect((await run('revoke', String(created.id), '--tenant', 'key-agency')).out).toMatch(
      /Revoked API key/,
    );
    expect((await run('create', 'x', '--tenant', 'nope')).err).toMatch(/No agency with slug "nope"/);
    expect((await run('create', 'x', '--tenant', 'key-agency', '--scope', 'admin')).code).toBe(1);
  });
});
