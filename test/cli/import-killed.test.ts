import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { parseConfig } from '../../src/config/config.js';
import { openPglite } from '../../src/db/pglite-database.js';

/** `jobmatch import` killed with SIGKILL halfway: the next start ends the batch and keeps only whole chunks. */
describe('an import killed midway', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobmatch-killed-'));
    file = path.join(dir, 'jobs.csv');
    const rows = Array.from(
      { length: 60_000 },
      (_, i) => `kill-${i},Data Engineer ${i},Company ${i % 50},"Austin, TX"`,
    );
    fs.writeFileSync(file, `external_job_id,title,company,location\n${rows.join('\n')}\n`);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('leaves no batch in progress and no half-written chunk', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'import', file, '--platform', 'killtest'],
      {
        env: { ...process.env, JOBMATCH_DATA_DIR: dir, LOG_LEVEL: 'silent', JOBMATCH_DEMO: 'false' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let progress = '';
    child.stderr!.on('data', (chunk) => {
      progress += chunk;
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Kill once a few chunks are in, well before the end.
    const started = Date.now();
    while (!/[1-9]\d,?\d{3} rows/.test(progress) && Date.now() - started < 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGKILL');
    await exited;

    const config = parseConfig({ JOBMATCH_DATA_DIR: dir });
    const out: string[] = [];
    const io = { out: (line: string) => out.push(line), err: () => {} };
    expect(await runCli(['imports', 'list', '--json'], io, () => config)).toBe(0);
    const [batch] = JSON.parse(out[0]!) as {
      import_status: string;
      new_jobs: number;
      total_jobs: number;
      error_message: string;
    }[];
    expect(batch!.import_status).toBe('partial');
    expect(batch!.error_message).toMatch(/Interrupted/);
    expect(batch!.new_jobs).toBeGreaterThan(0);
    expect(batch!.new_jobs).toBeLessThan(100_000);
    // Whole chunks only: what the batch counted is exactly what is stored.
    out.length = 0;
    expect(await runCli(['db:status', '--json'], io, () => config)).toBe(0);
    const { default: pglite } = await import('../../src/db/pglite-database.js').then((m) => ({
      default: m.openPglite,
    }));
    const database = await pglite({ dataDir: path.join(dir, 'pglite') });
    const { rows } = await database.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM job_postings WHERE platform = 'killtest'`,
    );
    await database.close();
    expect(rows[0]!.n).toBe(batch!.new_jobs);
    expect(rows[0]!.n % 2000).toBe(0);
  }, 120_000);
});
