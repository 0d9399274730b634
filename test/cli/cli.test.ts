import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { parseConfig } from '../../src/config/config.js';
import { migrate } from '../../src/db/migrator.js';
import { openPglite } from '../../src/db/pglite-database.js';
import { tenantRepository } from '../../src/db/repositories/tenant.repository.js';

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

describe('embedded database on disk', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobmatch-disk-'));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('keeps data across restarts and refuses a second process on the same data dir', async () => {
    const dataDir = path.join(dir, 'pglite');
    const first = await openPglite({ dataDir });
    await migrate(first);
    await tenantRepository(first).create({ name: 'Persisted Agency', slug: 'persisted' });
    await expect(openPglite({ dataDir })).rejects.toThrow(/is in use/);
    await first.close();

    const second = await openPglite({ dataDir });
    expect(await migrate(second)).toEqual([]);
    expect((await tenantRepository(second).findBySlug('persisted'))?.name).toBe('Persisted Agency');
    await second.close();
  });

  it('jobmatch migrate and db:status work on a data dir', async () => {
    const config = parseConfig({ JOBMATCH_DATA_DIR: path.join(dir, 'cli') });
    const migrated = captureIo();
    expect(await runCli(['migrate'], migrated.io, () => config)).toBe(0);
    expect(migrated.out.join('\n')).toMatch(/Applied \d+ migration/);
    const status = captureIo();
    expect(await runCli(['db:status', '--json'], status.io, () => config)).toBe(0);
    const parsed = JSON.parse(status.out[0]!);
    expect(parsed.engine).toBe('pglite');
    expect(parsed.migrations.every((m: { applied: boolean }) => m.applied)).toBe(true);
  });

  it('an unreachable DATABASE_URL is one clear line naming the host, not a stack trace', async () => {
    const config = parseConfig({ DATABASE_URL: 'postgres://jm:secret@127.0.0.1:1/jobmatch' });
    const { io, err } = captureIo();
    expect(await runCli(['migrate'], io, () => config)).toBe(1);
    expect(err.join('\n')).toMatch(/Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/jobmatch/);
    expect(err.join('\n')).not.toContain('secret');
    expect(err.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('an invalid environment exits 2 listing the variables', async () => {
    const { io, err } = captureIo();
    const code = await runCli(['migrate'], io, () => parseConfig({ PORT: '-1', LOG_LEVEL: 'chatty' }));
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/PORT/);
    expect(err.join('\n')).toMatch(/LOG_LEVEL/);
  });

  it('jobmatch parse prints each parser as JSON with the data model column names', async () => {
    const salary = captureIo();
    expect(await runCli(['parse', 'salary', '$55-65/hr W2'], salary.io)).toBe(0);
    expect(JSON.parse(salary.out.join('\n'))).toMatchObject({
      salary_min: 55,
      salary_max: 65,
      salary_period: 'hour',
      salary_currency: 'USD',
      contract_type: 'W2',
      salary_min_annual: 114400,
    });
    const location = captureIo();
    await runCli(['parse', 'location', 'Austin, TX'], location.io);
    expect(JSON.parse(location.out.join('\n'))).toMatchObject({
      location_city: 'Austin',
      location_region: 'TX',
      location_country: 'US',
    });
    const experience = captureIo();
    await runCli(['parse', 'experience', 'minimum of 7 years of experience'], experience.io);
    expect(JSON.parse(experience.out.join('\n'))).toMatchObject({ experience_min: 7 });
    const bad = captureIo();
    expect(await runCli(['parse', 'colour', 'x'], bad.io)).toBe(1);
    expect(bad.err.join('\n')).toMatch(/expected one of/);
  });

  it('--help lists the commands', async () => {
    const { io, out } = captureIo();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/serve[\s\S]*migrate[\s\S]*db:status/);
  });
});
