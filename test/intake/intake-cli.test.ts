import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { parseConfig } from '../../src/config/config.js';
import { migrate } from '../../src/db/migrator.js';
import { openPglite } from '../../src/db/pglite-database.js';
import { pdfFromText } from '../support/resume-files.js';

describe('jobmatch candidates intake', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobmatch-intake-cli-'));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('drafts each readable file, reports the others with progress, and names the agency', async () => {
    const dataDir = path.join(dir, 'data');
    const database = await openPglite({ dataDir: path.join(dataDir, 'pglite') });
    await migrate(database);
    const tenant = await database.sql.query<{ id: number }>(
      `INSERT INTO tenants (name, slug) VALUES ('Cli', 'cli') RETURNING id`,
    );
    await database.sql.query(
      `INSERT INTO users (tenant_id, email, password_hash, role) VALUES ($1, 'admin@cli.test', 'x', 'TENANT_ADMIN')`,
      [tenant.rows[0]!.id],
    );
    await database.close();
    const good = path.join(dir, 'asha.pdf');
    await fs.writeFile(
      good,
      await pdfFromText(
        'Asha Patel\nQA Engineer - Wipro\nasha@example.com\n\nWORK EXPERIENCE\nQA Engineer\nWipro\nJan 2019 to Present\n\nSKILLS\nSelenium, Java, SQL',
      ),
    );
    const bad = path.join(dir, 'scan.png');
    await fs.writeFile(bad, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
    const config = () => parseConfig({ JOBMATCH_DATA_DIR: dataDir, JOBMATCH_DEMO: 'false' });
    expect(await runCli(['candidates', 'intake', good, bad, '--tenant', 'cli'], io, config)).toBe(0);
    expect(err).toEqual([
      expect.stringMatching(/^\[1\/2\] asha\.pdf: draft \d+$/),
      expect.stringMatching(/^\[2\/2\] scan\.png: failed: .*image/),
    ]);
    expect(out).toEqual(['1 drafted for review, 1 failed.']);

    const missing: string[] = [];
    const code = await runCli(
      ['candidates', 'intake', good, '--tenant', 'nope'],
      { out: () => {}, err: (line) => missing.push(line) },
      config,
    );
    expect(code).toBe(1);
    expect(missing.join('\n')).toMatch(/No agency "nope"/);
  }, 180_000);
});
