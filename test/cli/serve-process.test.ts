import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servingUrl, spawnJobmatch } from '../support/jobmatch-process.js';

/** Runs `jobmatch serve` as a real process, the way `npm start` does. */
function serve(dataDir: string) {
  const server = spawnJobmatch(['serve'], { PORT: '0', HOST: '127.0.0.1', JOBMATCH_DATA_DIR: dataDir });
  const url = servingUrl(server);
  url.catch(() => undefined);
  return { ...server, url };
}

describe('jobmatch serve (process)', () => {
  let dir: string;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobmatch-serve-'));
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('serves, refuses a second process on the same data dir, stops cleanly on SIGTERM and restarts', async () => {
    const first = serve(dir);
    children.push(first.child);
    const url = await first.url;
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    const second = serve(dir);
    children.push(second.child);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/in use by another Jobmatch process/);
    expect(second.output()).not.toMatch(/\n\s+at /);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    await expect(fs.access(path.join(dir, 'pglite.lock'))).rejects.toThrow();

    const again = serve(dir);
    children.push(again.child);
    const readyz = await fetch(`${await again.url}/readyz`);
    expect(readyz.status).toBe(200);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  }, 180_000);
});
