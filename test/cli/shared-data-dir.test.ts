import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliIo, runCli } from '../../src/cli/program.js';
import { type Config, parseConfig } from '../../src/config/config.js';
import { type JobmatchProcess, servingUrl, spawnJobmatch } from '../support/jobmatch-process.js';

function captureIo(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line) => out.push(line), err: (line) => err.push(line) }, out, err };
}

async function cli(config: Config, ...argv: string[]) {
  const { io, out, err } = captureIo();
  const code = await runCli(argv, io, () => config);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * While `jobmatch serve` holds the embedded data dir, CLI commands on the same data dir run at once, through
 * the server's socket, and print what they print when they run alone.
 */
describe('CLI commands while jobmatch serve holds the embedded data dir', () => {
  let dir: string;
  let config: Config;
  let server: JobmatchProcess | undefined;
  const readCommands = [
    ['keys', 'list'],
    ['imports', 'list'],
    ['db:status', '--json'],
    ['jobs', 'expire'],
    ['roles', 'list'],
  ];

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobmatch-shared-'));
    config = parseConfig({ JOBMATCH_DATA_DIR: dir, JOBMATCH_DEMO: 'false', LOG_LEVEL: 'silent' });
    await fs.writeFile(
      path.join(dir, 'jobs.csv'),
      'title,company,job_url,description\nPython Developer,Acme,https://jobs.test/1,Python and SQL\n' +
        'Java Developer,Beta,https://jobs.test/2,Java and Spring\n',
    );
  });
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('keys, import, imports list, db:status, jobs expire, roles seed/merge/list work at once, with the output they have alone', async () => {
    server = spawnJobmatch(['serve'], { JOBMATCH_DATA_DIR: dir, PORT: '0' });
    const url = await servingUrl(server);

    const created = await cli(config, 'keys', 'create', 'shared-scraper');
    expect(created.code, created.err).toBe(0);
    expect(created.out).toMatch(/Created API key 1 "shared-scraper"/);
    const imported = await cli(
      config,
      'import',
      path.join(dir, 'jobs.csv'),
      '--platform',
      'shared',
      '--quiet',
    );
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toMatch(/completed: 2 rows: 2 new/);
    const seeded = await cli(config, 'roles', 'seed');
    expect(seeded.code, seeded.err).toBe(0);
    expect(seeded.out).toMatch(/Seeded roles: \d+ added/);
    const merged = await cli(config, 'roles', 'merge', '2', '1');
    expect(merged.code, merged.err).toBe(0);
    expect(merged.out).toMatch(/^Merged role 2 into /);

    const together = await Promise.all(readCommands.map((argv) => cli(config, ...argv)));
    for (const result of together) expect(result.code, result.err).toBe(0);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const alone = [];
    for (const argv of readCommands) alone.push(await cli(config, ...argv));
    expect(together.map((result) => result.out)).toEqual(alone.map((result) => result.out));
  }, 240_000);
});
