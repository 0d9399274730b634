import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { type Config, parseConfig } from '../../src/config/config.js';

/** `jobmatch import` of a JobSpy file as it is: no --platform, each row's `site` names its platform (issue 13). */
describe('jobmatch import of a JobSpy file', () => {
  let dir: string;
  let config: Config;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobmatch-jobspy-cli-'));
    config = parseConfig({ JOBMATCH_DATA_DIR: dir, JOBMATCH_DEMO: 'false', LOG_LEVEL: 'silent' });
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  const cli = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, () => config);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('needs no --platform: the batch takes the rows’ site, and a file naming none is asked for one', async () => {
    const header = 'id,site,job_url,title,company,min_amount,max_amount,interval,date_posted';
    const file = path.join(dir, 'jobs_2024-12-17.csv');
    await fs.writeFile(
      file,
      `\uFEFF${header}\r\nin-1,indeed,https://www.indeed.com/viewjob?jk=1,Python Developer,Acme,,,,12/17/2024\r\n` +
        'in-2,indeed,https://www.indeed.com/viewjob?jk=2,Java Developer,Beta,,,,3 days ago\r\n',
    );
    expect((await cli('migrate')).code).toBe(0);
    const imported = await cli('import', file, '--json');
    expect(imported.code, imported.err).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({
      batch: { platform: 'indeed', new_jobs: 2, failed_jobs: 0, import_status: 'completed' },
    });

    const plain = path.join(dir, 'plain.csv');
    await fs.writeFile(plain, 'title\nDev\n');
    const refused = await cli('import', plain, '--quiet');
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/platform/);
  }, 120_000);
});
